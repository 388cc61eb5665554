import Foundation

/// The runs each file left out because another file counts them, and those it counts before their end, with the one
/// rollup each makes (`RunRollup`), in `run_rollups`. Written with the file's contribution and replaced with it; covered
/// by the file's rollup digest, so a row changed behind Kouka's back shows as the file's rollups edited. Read only when a
/// file that cannot be read again (deleted) must change its count of a run: it takes back a run it left out that no file
/// counts now (`takeBack`), and gives up a run it counted before its end that a later export holds further on (`giveUp`).
extension KoukaStore {
    /// A file's left-out run found for a run counted nowhere: the file's ledger id and path, and the run.
    package struct LeftOutRunFound: Sendable {
        package var source: Int64
        package var path: String
        package var run: RunRollup
    }

    /// Keeps `runs` of the file of ledger line `id` in their `role`; in the transaction that records the file.
    func insertRunRollups(_ runs: [RunRollup], role: RunRollupRole, source id: Int64) throws {
        guard !runs.isEmpty else { return }
        let insert = try db.prepare("""
            INSERT INTO run_rollups (source_id, counted, line, run_hash, unfinished, unanswered, day, department, family, task_name, outcome,
            unit, off_hours, events, quantity, machine_seconds, human_seconds, human_quantity, cumulative, quality, since)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for run in runs {
            try insert.run([.integer(id), .integer(role.rawValue), .integer(Int64(run.line)), .integer(Int64(bitPattern: run.hash)),
                            .integer(run.unfinished ? 1 : 0), .integer(run.unanswered ? 1 : 0)]
                + Self.rollupValues(run.key, run.totals) + [Self.qualityText(run.totals.quality).map { .text($0) } ?? .null,
                                                            run.since.map { .real($0.timeIntervalSince1970) } ?? .null])
        }
    }

    /// Of `hashes`, the runs left out by counted files (present or gone) of `format`, by hash, each with the files that
    /// left it out in the order the ledger first recorded them.
    package func leftOutRuns(_ hashes: [UInt64], format: String) throws -> [UInt64: [LeftOutRunFound]] {
        var found: [UInt64: [LeftOutRunFound]] = [:]
        let select = try db.prepare("""
            SELECT s.id, s.path, \(Self.runRollupColumns("r")) FROM run_rollups r CROSS JOIN source_files s ON s.id = r.source_id
            WHERE r.run_hash = ? AND r.counted = 0 AND s.format = ? AND s.status IN ('present', 'gone') ORDER BY s.id, r.line
            """, reading: "run_rollups")
        for hash in hashes {
            try select.query([.integer(Int64(bitPattern: hash)), .text(format)]) { s in
                found[hash, default: []].append(LeftOutRunFound(source: try s.int(0), path: try s.text(1), run: try runRollup(s, from: 2, hash: hash)))
            }
        }
        return found
    }

    /// Of `rows`, the one holding its run furthest on (`RunRollup.stage`), then the file recorded first, then its first row:
    /// the one a reading of them all would count.
    static func furthestOn(_ rows: some Sequence<LeftOutRunFound>) -> LeftOutRunFound? {
        rows.min { a, b in a.run.stage != b.run.stage ? a.run.stage > b.run.stage : (a.source, a.run.line) < (b.source, b.run.line) }
    }

    /// The run `hash` the file of ledger line `id` counts before its end, as it counts it; nil when the file keeps none
    /// (read by a Kouka before 0.5.0, or the run is not one it counts so).
    package func countedOpenRun(_ hash: UInt64, source id: Int64) throws -> RunRollup? {
        var found: RunRollup?
        try db.prepare("""
            SELECT \(Self.runRollupColumns("r")) FROM run_rollups r WHERE r.source_id = ? AND r.counted = 1 AND r.run_hash = ?
            """, reading: "run_rollups").query([.integer(id), .integer(Int64(bitPattern: hash))]) { s in
            if found == nil { found = try runRollup(s, from: 0, hash: hash) }
        }
        return found
    }

    static func runRollupColumns(_ table: String) -> String {
        ["line", "unfinished", "unanswered", "day", "department", "family", "task_name", "outcome", "unit", "off_hours", "cumulative", "events",
         "quantity", "machine_seconds", "human_seconds", "human_quantity", "quality", "since"].map { "\(table).\($0)" }.joined(separator: ", ")
    }

    /// The run of a row read with `runRollupColumns`, from column `first`.
    func runRollup(_ s: SQLiteStatement, from first: Int32, hash: UInt64) throws -> RunRollup {
        let c = first
        let running = try s.runningTotal(c + 10)
        let key = RollupKey(date: try s.date(c + 3), department: try s.text(c + 4), family: try s.value(c + 5, as: SystemFamily.self),
                            taskName: try s.text(c + 6), outcome: try s.value(c + 7, as: Outcome.self), unit: try s.value(c + 8, as: EffectUnit.self),
                            offHours: try s.flag(c + 9), cumulative: running.cumulative, undatedPeriod: running.undatedPeriod)
        var totals = RollupTotals(events: Int(try s.int(c + 11)), quantity: try s.double(c + 12), machineSeconds: try s.double(c + 13),
                                  humanSeconds: try s.double(c + 14), humanMeasuredQuantity: try s.double(c + 15))
        totals.quality = try Self.quality(s.optionalText(c + 16), path: path)
        let since = s.isNull(c + 17) ? nil : Date(timeIntervalSince1970: try s.double(c + 17))
        return RunRollup(hash: hash, line: Int(try s.int(c)), unfinished: try s.flag(c + 1), unanswered: try s.flag(c + 2), key: key, totals: totals,
                         since: since)
    }

    /// Adds `runs` to the counts of the file of ledger line `id`: their rollups to its own, their ids to its run-key set with
    /// their marks and days; returns the set's new digest. In the caller's transaction.
    func addCountedRuns(_ runs: [RunRollup], to id: Int64) throws -> String {
        try insertRollups(runs.map { ($0.key, $0.totals) }, source: id, adding: true)
        try keepQuality(of: runs.map { ($0.key, $0.totals) }, source: id, adding: true)
        let days = runs.map(\.key.date)
        let first = days.min()!, last = days.max()!
        let hashes = Array(Set(runs.map(\.hash))).sorted()
        return try addRunKeys(RunKeyStream(days: first...last, unfinished: Array(Set(runs.filter(\.unfinished).map(\.hash))).sorted(),
                                           unanswered: Array(Set(runs.filter(\.unanswered).map(\.hash))).sorted(),
                                           firstDayRuns: RunDayEdges.runs(of: runs, on: first), lastDayRuns: RunDayEdges.runs(of: runs, on: last)) { body in
            for hash in hashes { try body(hash) }
        }, source: id)
    }

    /// Has the file of ledger line `id`, which cannot be read again, count `runs` it left out because another file counted
    /// them, which no file counts now: their rollups added to its own, their ids to its run-key set, their rows taken out
    /// of the quarantine and its row counts, its digests recorded anew; in one transaction.
    package func takeBack(_ runs: [RunRollup], into id: Int64) throws {
        guard !runs.isEmpty else { return }
        try db.transaction {
            let runKeysDigest = try addCountedRuns(runs, to: id)
            let forget = try db.prepare("DELETE FROM run_rollups WHERE source_id = ? AND counted = 0 AND line = ? AND run_hash = ?")
            // One row of the quarantine per run: a line of a compact JSON file may hold several records.
            let release = try db.prepare("""
                DELETE FROM rejects WHERE rowid = (SELECT rowid FROM rejects WHERE source_id = ? AND line = ? AND day = ? AND repeated_run = 1
                AND instr(reason, 'is already counted in another file: ') > 0 LIMIT 1)
                """)
            for run in runs {
                try forget.run([.integer(id), .integer(Int64(run.line)), .integer(Int64(bitPattern: run.hash))])
                // Of its line's rows (a compact JSON file's records share one), one of the run's day: rows alike but for
                // their run are the same row to the quarantine.
                try release.run([.integer(id), .integer(Int64(run.line)), .text(run.key.date.description)])
                guard db.changes == 1 else {
                    throw StoreError.schemaMismatch(path: self.path, table: "rejects", problem: "a file keeps a run it left out on line \(run.line) that its quarantine does not hold")
                }
            }
            // Counted now before their end: kept so, to be given up should a later file hold one further on.
            try insertRunRollups(runs.filter(\.unfinished), role: .countedOpen, source: id)
            try db.prepare("""
                UPDATE source_files SET rows_accepted = rows_accepted + ?1, rows_rejected = rows_rejected - ?1, rows_repeated = rows_repeated - ?1
                WHERE id = ?2
                """).run([.integer(Int64(runs.count)), .integer(id)])
            try recordRollupDigest(ofSource: id, runKeysDigest: runKeysDigest)
        }
    }

    /// Has the file of ledger line `id`, which cannot be read again, give up `runs` it counted before their end (its
    /// kept `RunRollup`s) that the file at `countedIn` holds further on and counts now: their rollups taken off its own,
    /// their ids off its run-key set, each kept as left out as counted there, with its row quarantined as a repeat and its
    /// row counts moved so; its digests recorded anew; in one transaction. Throws when the file's rollups do not hold what
    /// it kept for a run: the store was changed, and no figure may follow from it.
    /// `reason`: the quarantine's reason for each, when not that of a run held further on (`givenUpReason`); it must name
    /// `countedIn` as a repeat's does (`RunAdmission.countedInText`).
    package func giveUp(_ runs: [RunRollup], from id: Int64, path: String, countedIn: String, reason: String? = nil) throws {
        guard !runs.isEmpty else { return }
        try db.transaction {
            let key = "source_id = ? AND day = ? AND department = ? AND family = ? AND task_name = ? AND outcome = ? AND unit = ? AND off_hours = ?"
            let take = try db.prepare("""
                UPDATE rollups SET events = events - ?, quantity = quantity - ?, machine_seconds = machine_seconds - ?,
                human_seconds = human_seconds - ?, human_quantity = human_quantity - ? WHERE \(key) AND events >= ?
                """)
            let empty = try db.prepare("DELETE FROM rollups WHERE \(key) AND events = 0")
            let emptyQuality = try db.prepare("DELETE FROM rollup_quality WHERE \(key)")
            let takeQuality = try db.prepare("UPDATE rollup_quality SET value = value - ? WHERE \(key) AND measure = ?")
            for run in runs {
                let (k, t) = (run.key, run.totals)
                let keyValues: [SQLiteValue] = [.integer(id), .text(k.date.description), .text(k.department), .text(k.family.rawValue), .text(k.taskName),
                                                .text(k.outcome.rawValue), .text(k.unit.rawValue), .integer(k.offHours ? 1 : 0)]
                try take.run([.integer(Int64(t.events)), .real(t.quantity), .real(t.machineSeconds), .real(t.humanSeconds), .real(t.humanMeasuredQuantity)]
                             + keyValues + [.integer(Int64(t.events))])
                guard db.changes == 1 else {
                    throw StoreError.schemaMismatch(path: self.path, table: "rollups", problem: "\(path) keeps a run it counted before its end on \(k.date) that its rollups do not hold")
                }
                try empty.run(keyValues)
                if db.changes == 1 {
                    try emptyQuality.run(keyValues)
                } else {
                    for (measure, value) in t.quality.sorted(by: { $0.key < $1.key }) { try takeQuality.run([.real(value)] + keyValues + [.text(measure.storedName)]) }
                }
            }
            let runKeysDigest = try removeRunKeys(Set(runs.map(\.hash)), source: id)
            let forget = try db.prepare("DELETE FROM run_rollups WHERE source_id = ? AND counted = 1 AND run_hash = ?")
            for run in runs { try forget.run([.integer(id), .integer(Int64(bitPattern: run.hash))]) }
            try insertRunRollups(runs, role: .leftOut, source: id)
            try insertRejections(runs.map {
                Rejection(file: path, line: $0.line, reason: reason ?? Self.givenUpReason(countedIn), isRepeatedRun: true, day: $0.key.date)
            }, source: id)
            try db.prepare("""
                UPDATE source_files SET rows_accepted = rows_accepted - ?1, rows_rejected = rows_rejected + ?1, rows_repeated = rows_repeated + ?1
                WHERE id = ?2
                """).run([.integer(Int64(runs.count)), .integer(id)])
            try recordRollupDigest(ofSource: id, runKeysDigest: runKeysDigest)
        }
    }

    /// The quarantine's reason for a run a deleted file gave up to `countedIn`; it names that file as any repeat does
    /// (`RunAdmission.countedInText`), so that the file takes the run back should that file no longer count it.
    static func givenUpReason(_ countedIn: String) -> String {
        "the run is already counted in \(RunAdmission.countedInText(countedIn)), which holds it further on (ended, answered, or followed by what came next): given up by this deleted export, which counted it before its end"
    }

    /// Feeds the file's kept runs, when it has any, into its rollup digest: a store written before they were kept has
    /// none, and its digests stay as they were.
    func feedRunRollups(ofSource id: Int64, into hasher: inout SHA256) throws {
        var first = true
        try db.prepare("""
            SELECT counted, line, run_hash, unfinished, unanswered, cumulative, off_hours, events, day, department, family, task_name, outcome,
            unit, quantity, machine_seconds, human_seconds, human_quantity, quality, since FROM run_rollups WHERE source_id = ?
            ORDER BY counted, line, run_hash
            """, reading: "run_rollups").query([.integer(id)]) { s in
            if first { Self.feed("run-rollups-v1", separator: 0x1E, into: &hasher) }
            first = false
            for column in Int32(0)...7 { Self.feed(try s.int(column), into: &hasher) }
            for column in Int32(8)...13 {
                hasher.update(try s.textBytes(column))
                Self.feed(separator: 0x1F, into: &hasher)
            }
            for column in Int32(14)...17 { Self.feed(Int64(bitPattern: try s.double(column).bitPattern), into: &hasher) }
            Self.feed(try s.optionalText(18) ?? "", separator: 0x1F, into: &hasher)
            // Kept only for runs still running (0.5.2 on): the digests of the rows before are as they were.
            if !s.isNull(19) { Self.feed(Int64(bitPattern: try s.double(19).bitPattern), into: &hasher) }
        }
    }

    /// Quality counts as one text, a measure a line (`name<TAB>value`, in the measures' order); nil when there are none.
    static func qualityText(_ quality: [QualityMeasure: Double]) -> String? {
        guard !quality.isEmpty else { return nil }
        return quality.sorted { $0.key < $1.key }.map { "\($0.key.storedName)\t\($0.value)" }.joined(separator: "\n")
    }

    /// The quality counts `qualityText` wrote; a line it could not have written stops the reading, as any row that does not
    /// decode does.
    static func quality(_ text: String?, path: String) throws -> [QualityMeasure: Double] {
        guard let text else { return [:] }
        var quality: [QualityMeasure: Double] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "\t")
            guard parts.count == 2, let measure = QualityMeasure(storedName: String(parts[0])), let value = Double(parts[1]) else {
                throw StoreError.undecodable(path: path, table: "run_rollups", column: "quality", value: String(line))
            }
            quality[measure] = value
        }
        return quality
    }
}
