
/// Another file's run-key set a file's run ids are compared with (`KoukaStore.runsCountedElsewhere`): its ledger id and
/// path, its marks, and `only` the runs to look for in it (nil: every run of the file).
typealias ComparedRunKeySet = (id: Int64, path: String, unfinished: Set<UInt64>, unanswered: Set<UInt64>, only: [UInt64]?)

/// Run ids per source file, kept to count a run once when two files hold it (overlapping exports).
/// Stored as sorted chunks of 65,536 hashes, so reading or comparing them never needs a whole file's.
extension KoukaStore {
    static let runKeyChunk = 65_536

    /// Writes a file's run-key set and returns its digest (`RunKeySetDigest`), worked out from the bytes written: the
    /// caller records it in the ledger in the same transaction.
    func insertRunKeys(_ keys: RunKeyStream, source id: Int64) throws -> String {
        let spanClass = RunKeySpan.spanClass(of: keys.days)
        let row = RunKeySetRow(firstDay: keys.days.lowerBound.description, lastDay: keys.days.upperBound.description, spanClass: Int64(spanClass))
        let unfinished = keys.unfinished.isEmpty ? nil : keys.unfinished
        let unanswered = keys.unanswered.isEmpty ? nil : keys.unanswered
        try db.prepare("""
            INSERT OR REPLACE INTO run_key_sets (source_id, first_day, last_day, span_class, unfinished, unanswered, first_day_runs, last_day_runs)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).run([
            .integer(id), .text(row.firstDay), .text(row.lastDay), .integer(row.spanClass), unfinished.map { .hashes($0) } ?? .null,
            unanswered.map { .hashes($0) } ?? .null, keys.firstDayRuns.map { .hashes($0) } ?? .null, keys.lastDayRuns.map { .hashes($0) } ?? .null,
        ])
        noteSpanClass(spanClass, unfinished: unfinished != nil)
        var digest = RunKeySetDigest(row: row, unfinished: unfinished, unanswered: unanswered, firstDayRuns: keys.firstDayRuns,
                                     lastDayRuns: keys.lastDayRuns)
        let insert = try db.prepare("INSERT INTO run_keys (source_id, chunk, hashes) VALUES (?, ?, ?)")
        var chunk: [UInt64] = []
        var number: Int64 = 0
        chunk.reserveCapacity(Self.runKeyChunk)
        func write() throws {
            try insert.run([.integer(id), .integer(number), .hashes(chunk)])
            digest.add(chunk: number, chunk)
            chunk.removeAll(keepingCapacity: true)
            number += 1
        }
        try keys.forEach { hash in
            chunk.append(hash)
            if chunk.count == Self.runKeyChunk { try write() }
        }
        if !chunk.isEmpty { try write() }
        return digest.finish()
    }

    /// Adds the runs counted from the part of a file appended since it was last read. Appended files are
    /// a day's robot log, a few thousand runs, so the old and new ids are merged in memory.
    func addRunKeys(_ keys: RunKeyStream, source id: Int64) throws -> String {
        var days = keys.days
        var unfinished = Set(keys.unfinished)
        var unanswered = Set(keys.unanswered)
        var firstDayRuns = keys.firstDayRuns, lastDayRuns = keys.lastDayRuns
        try db.prepare("""
            SELECT first_day, last_day, unfinished, unanswered, first_day_runs, last_day_runs FROM run_key_sets WHERE source_id = ?
            """, reading: "run_key_sets").query([.integer(id)]) { row in
            let first = try row.date(0), last = try row.date(1)
            firstDayRuns = RunDayEdges.merged(first, row.isNull(4) ? nil : try row.hashes(4), keys.days.lowerBound, keys.firstDayRuns, earlier: true)
            lastDayRuns = RunDayEdges.merged(last, row.isNull(5) ? nil : try row.hashes(5), keys.days.upperBound, keys.lastDayRuns, earlier: false)
            days = min(first, days.lowerBound)...max(last, days.upperBound)
            if !row.isNull(2) { unfinished.formUnion(try row.hashes(2)) }
            if !row.isNull(3) { unanswered.formUnion(try row.hashes(3)) }
        }
        var merged: [UInt64] = []
        try db.prepare("SELECT hashes FROM run_keys WHERE source_id = ? ORDER BY chunk", reading: "run_keys").query([.integer(id)]) { merged += try $0.hashes(0) }
        try keys.forEach { merged.append($0) }
        merged.sort()
        try db.prepare("DELETE FROM run_keys WHERE source_id = ?").run([.integer(id)])
        var previous: UInt64? = nil
        let distinct = merged.filter { hash in
            defer { previous = hash }
            return hash != previous
        }
        return try insertRunKeys(RunKeyStream(days: days, unfinished: unfinished.sorted(), unanswered: unanswered.sorted(), firstDayRuns: firstDayRuns,
                                              lastDayRuns: lastDayRuns) { body in
            for hash in distinct { try body(hash) }
        }, source: id)
    }

    /// Takes `hashes` off the run-key set of the file of ledger line `id`, and off its marks; the new set's digest, or nil
    /// when it holds none now (its set is removed).
    func removeRunKeys(_ hashes: Set<UInt64>, source id: Int64) throws -> String? {
        var days: ClosedRange<LocalDate>?
        var unfinished: [UInt64] = [], unanswered: [UInt64] = []
        var firstDayRuns: [UInt64]?, lastDayRuns: [UInt64]?
        try db.prepare("""
            SELECT first_day, last_day, unfinished, unanswered, first_day_runs, last_day_runs FROM run_key_sets WHERE source_id = ?
            """, reading: "run_key_sets").query([.integer(id)]) { row in
            days = try row.date(0)...row.date(1)
            if !row.isNull(2) { unfinished = try row.hashes(2).filter { !hashes.contains($0) } }
            if !row.isNull(3) { unanswered = try row.hashes(3).filter { !hashes.contains($0) } }
            if !row.isNull(4) { firstDayRuns = try row.hashes(4).filter { !hashes.contains($0) } }
            if !row.isNull(5) { lastDayRuns = try row.hashes(5).filter { !hashes.contains($0) } }
        }
        var kept: [UInt64] = []
        try db.prepare("SELECT hashes FROM run_keys WHERE source_id = ? ORDER BY chunk", reading: "run_keys").query([.integer(id)]) {
            kept += try $0.hashes(0).filter { !hashes.contains($0) }
        }
        try db.prepare("DELETE FROM run_keys WHERE source_id = ?").run([.integer(id)])
        guard let days, !kept.isEmpty else {
            try db.prepare("DELETE FROM run_key_sets WHERE source_id = ?").run([.integer(id)])
            return nil
        }
        return try insertRunKeys(RunKeyStream(days: days, unfinished: unfinished, unanswered: unanswered, firstDayRuns: firstDayRuns,
                                              lastDayRuns: lastDayRuns) { body in
            for hash in kept { try body(hash) }
        }, source: id)
    }

    /// Whether the file of ledger line `id` already counts one of `keys` or of `others`.
    func counts(anyOf keys: RunKeyStream?, or others: [UInt64], source id: Int64) throws -> Bool {
        let counted = Set(try runKeySet(ofSource: id).hashes)
        guard !counted.isEmpty else { return false }
        var found = others.contains(where: counted.contains)
        try keys?.forEach { hash in if counted.contains(hash) { found = true } }
        return found
    }

    /// The runs the counted file (present or gone) at `path` counts, and of those the ones it counted as unfinished and the
    /// questions no answer followed yet, by hash; nil for a path with no such line.
    func countedRuns(ofSourceAt path: String) throws -> CountedRuns? {
        guard let line = try source(path: path), line.status == .present || line.status == .gone else { return nil }
        return try countedRuns(ofSource: line.id)
    }

    /// The runs the file of ledger line `id` counts, and of those the ones it counted as unfinished and the questions no
    /// answer followed yet, by hash.
    func countedRuns(ofSource id: Int64) throws -> CountedRuns {
        let set = try runKeySet(ofSource: id)
        return CountedRuns(all: Set(set.hashes), unfinished: Set(set.unfinished), unanswered: Set(set.unanswered))
    }

    /// Which of `keys` another counted file of `format` already counts, with that file's path; the file
    /// read first keeps a run, so a later file's copy of it is the one left out. Only files with runs on
    /// the same days are compared, and of those only the ones `stands` says keep what they count (a file
    /// about to be read again and replaced counts nothing yet: its ledger line describes what it held).
    package func runsCounted(
        in keys: RunKeyStream, format: String, otherThan path: String, where stands: (String) throws -> Bool = { _ in true }
    ) throws -> [UInt64: String] {
        try runsCountedElsewhere(in: keys, format: format, otherThan: path, where: stands).mapValues(\.path)
    }

    /// `runsCounted`, saying also of each run whether the file that counts it counted it as unfinished (and unanswered). A
    /// file that counts a run further on is preferred (`CountedRun.stage`), whichever was read first: that is the file
    /// whose count a later export leaves its copy of the run out for. Files are compared when their days overlap, and
    /// files that counted runs unfinished whatever their days, unless `unfinishedAnyDay` is false (a format whose runs
    /// keep their day once ended); with `anyDay` (a file holding unfinished runs of a format that dates them otherwise
    /// once they have ended), every file of the format.
    func runsCountedElsewhere(
        in keys: RunKeyStream, format: String, otherThan path: String, anyDay: Bool = false, unfinishedAnyDay: Bool = true,
        where stands: (String) throws -> Bool = { _ in true }
    ) throws -> [UInt64: CountedRun] {
        // `only`: of a file whose days end the day before these begin, or begin the day after they end, the runs of these it
        // holds on that edge (`RunDayEdges`); nil for a file compared whole.
        var others: [ComparedRunKeySet] = []
        // One bounded range of the index per span class (`RunKeySpan`); CROSS JOIN keeps SQLite from starting
        // at the files of the format instead, which are every file of a city's history.
        let overlapping = try db.prepare("""
            SELECT s.id, s.path, k.unfinished, k.unanswered FROM run_key_sets k CROSS JOIN source_files s ON s.id = k.source_id
            WHERE k.span_class = ? AND k.first_day BETWEEN ? AND ? AND k.last_day >= ? AND s.format = ? AND s.path <> ?
            AND s.status IN ('present', 'gone')
            """, reading: "run_key_sets")
        // And the files that counted runs unfinished, whatever their days: an unfinished run may be dated otherwise once it
        // has ended (an Orchestrator job by its CreationTime while pending, by its StartTime once run).
        let unfinished = try db.prepare("""
            SELECT s.id, s.path, k.unfinished, k.unanswered FROM run_key_sets k CROSS JOIN source_files s ON s.id = k.source_id
            WHERE k.span_class = ? AND k.unfinished IS NOT NULL AND s.format = ? AND s.path <> ? AND s.status IN ('present', 'gone')
            """, reading: "run_key_sets")
        var seen = Set<Int64>()
        func add(_ row: SQLiteStatement) throws {
            let id = try row.int(0)
            guard seen.insert(id).inserted else { return }
            others.append((id, try row.text(1), row.isNull(2) ? [] : Set(try row.hashes(2)), row.isNull(3) ? [] : Set(try row.hashes(3)), nil))
        }
        if anyDay {
            // Runs counted unfinished here may be dated otherwise where they ended: every file of the format (a format
            // whose files are a few exports, and only for a file with such runs).
            try db.prepare("""
                SELECT s.id, s.path, k.unfinished, k.unanswered FROM run_key_sets k CROSS JOIN source_files s ON s.id = k.source_id
                WHERE s.format = ? AND s.path <> ? AND s.status IN ('present', 'gone')
                """, reading: "run_key_sets").query([.text(format), .text(path)], add)
        }
        // Only the classes some set uses: the others' ranges are empty.
        let inUse = anyDay ? nil : try spanClassesInUse()
        for spanClass in RunKeySpan.classes where !anyDay && inUse!.all.contains(spanClass) {
            let earliest = RunKeySpan.earliestStart(ofClass: spanClass, overlapping: keys.days.lowerBound)
            try overlapping.query([.integer(Int64(spanClass)), .text(RunKeySpan.bound(earliest)), .text(keys.days.upperBound.description),
                                   .text(keys.days.lowerBound.description), .text(format), .text(path)], add)
            if unfinishedAnyDay, inUse!.unfinished.contains(spanClass) { try unfinished.query([.integer(Int64(spanClass)), .text(format), .text(path)], add) }
        }
        if !anyDay, let inUse { try addFilesOfTheDaysNextTo(keys, format: format, otherThan: path, classes: inUse.all, seen: &seen, to: &others) }
        // The file read first keeps a run: the others in the order they were first recorded.
        others.sort { $0.id < $1.id }
        others = try others.filter { try stands($0.path) }
        var found: [UInt64: CountedRun] = [:]
        let readChunk = try db.prepare("SELECT hashes FROM run_keys WHERE source_id = ? AND chunk = ?", reading: "run_keys")
        for other in others {
            if let only = other.only {
                for hash in only where found[hash].map({ $0.stage < 2 }) ?? true {
                    let stage = CountedRun.stage(of: hash, unfinished: other.unfinished, unanswered: other.unanswered)
                    if found[hash].map({ stage > $0.stage }) ?? true {
                        found[hash] = CountedRun(path: other.path, unfinished: stage < 2, unanswered: stage == 0, countedInLine: other.id)
                    }
                }
                continue
            }
            var chunk: [UInt64] = []
            var number: Int64 = 0
            var index = 0
            var exhausted = false
            // Both sides ascend: one merge walk finds every hash the two share. A chunk that is not full is the
            // last: the walk ends there without asking for the next, so a set costs what its chunks cost.
            try keys.forEach { hash in
                while !exhausted {
                    if index == chunk.count {
                        if number > 0 && chunk.count < Self.runKeyChunk { exhausted = true; break }
                        chunk = []
                        try readChunk.query([.integer(other.id), .integer(number)]) { chunk = try $0.hashes(0) }
                        number += 1
                        index = 0
                        if chunk.isEmpty { exhausted = true; break }
                    }
                    if chunk[index] < hash { index += 1 } else { break }
                }
                // Nearly every file counts its runs ended: a run found so needs no second look, and only one a file counts
                // further on replaces the one found first.
                if !exhausted, chunk[index] == hash, found[hash].map({ $0.stage < 2 }) ?? true {
                    let stage = CountedRun.stage(of: hash, unfinished: other.unfinished, unanswered: other.unanswered)
                    if found[hash].map({ stage > $0.stage }) ?? true {
                        found[hash] = CountedRun(path: other.path, unfinished: stage < 2, unanswered: stage == 0, countedInLine: other.id)
                    }
                }
            }
        }
        return found
    }
}

extension KoukaStore {
    /// The counted files (present or gone) of `format` that are the robot's logs of the nearest days before and after the
    /// log at `path` (`2024-05-09_Execution.log`, or `RPA-SV01_2024-05-09_Execution.log` and `2024-05-09_RPA-SV01_Execution.log`
    /// beside other robots' logs in one folder): the same name with another date, in the same folder (`DatedLogName`),
    /// however many days lie between, by ledger id and path. None for a name without a date. Two look-ups of the path index.
    /// `directions`: `<` for the log before, `>` for the log after. Each comes with its `rows_repeated`: a log that left
    /// repeated runs out counts none of them, and a log before it may.
    func datedNeighbours(of path: String, format: String, directions: [String] = ["<", ">"]) throws -> [(id: Int64, path: String, repeated: Int64)] {
        guard let name = DatedLogName(path) else { return [] }
        // Every path of the robot's logs sorts after its folder and name's prefix, and before them with the prefix's last
        // character (or the folder's "/") made the next one.
        let start = String(name.folder + name.prefix)
        var end = "\u{10FFFF}"
        if let last = start.unicodeScalars.last {
            // UTF-8 keeps code points' order, so the next code point's bytes sort after every path that starts with `start`.
            let next = Unicode.Scalar(last.value + 1) ?? "\u{E000}"
            end = String(String.UnicodeScalarView(start.unicodeScalars.dropLast())) + String(next)
        }
        // SQLite's substr counts characters (code points) from 1: the name's rest starts after the folder, prefix and date.
        let restStart = Int64(start.unicodeScalars.count + 11)
        var found: [(id: Int64, path: String, repeated: Int64)] = []
        for (comparison, order) in [("<", "DESC"), (">", "ASC")] where directions.contains(comparison) {
            try db.prepare("""
                SELECT id, path, rows_repeated FROM source_files WHERE path \(comparison) ?1 AND path >= ?2 AND path < ?3
                AND substr(path, ?4) = ?5 AND format = ?6 AND status IN ('present', 'gone')
                ORDER BY path \(order) LIMIT 1
                """, reading: "source_files").query([.text(path), .text(start), .text(end), .integer(restStart), .text(String(name.rest)),
                                                     .text(format)]) { row in
                let neighbour = try row.text(1)
                // The robot's own log: the same name with another date, in this folder.
                guard let other = DatedLogName(neighbour), other.folder == name.folder, other.prefix == name.prefix, other.rest == name.rest else { return }
                found.append((try row.int(0), neighbour, try row.int(2)))
            }
        }
        return found
    }
}
