
/// Kouka's embedded store: one SQLite file holding the ledger of source files, their daily rollups,
/// their rejected records and the ledger of job runs.
///
/// Writes are named methods, each one transaction, so a crash at any point leaves the previous state.
package final class KoukaStore {
    let db: SQLiteConnection
    package let path: String
    /// The job run whose writes these are, from `beginJobRun`: each rejected row and each file's ledger line
    /// carries it, so that what a run that never finished wrote can be found and stated.
    package internal(set) var jobRunID: Int64?
    /// The run-key sets' span classes this connection knows of (`spanClassesInUse`).
    var spanClasses: SpanClassesInUse?

    /// Opens (creating and migrating as needed) the database at `path`; `":memory:"` for tests.
    package init(path: String) throws {
        self.path = path
        if path != ":memory:" { try Self.refuseSymbolicLinks(at: path) }
        db = try SQLiteConnection(path: path)
        do {
            try db.execute("PRAGMA foreign_keys = ON")
            if path != ":memory:" { try db.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL") }
            try Migrations.apply(to: db)
        } catch let error as StoreError where error.isOutputFailure {
            // A folder where SQLite may not create the -wal and -shm, or a full disk, shows only when the
            // store is first used: say which database, not which pragma.
            if case let .sqlite(_, message, _) = error { throw StoreError.cannotOpen(path: path, reason: message) }
            throw error
        }
    }

    /// The ledger line for `path`, if the file was read before.
    package func source(path: String) throws -> SourceFileRecord? {
        var found: SourceFileRecord? = nil
        try db.prepare("SELECT \(Self.sourceColumns) FROM source_files WHERE path = ?", reading: "source_files").query([.text(path)]) {
            found = try Self.sourceRecord($0)
        }
        return found
    }

    /// The id of `path`'s ledger line, if it has one: all that replacing or adding to the file's contribution needs of the
    /// line, which made into a whole record cost a recorded file as much as inserting a dozen of its rollups.
    func sourceID(path: String) throws -> Int64? {
        var found: Int64? = nil
        try db.prepare("SELECT id FROM source_files WHERE path = ?", reading: "source_files").query([.text(path)]) { found = try $0.int(0) }
        return found
    }

    /// The counted files (present or gone) whose ledger lines give these bytes under another path, the one
    /// read first first. A line says what its file held when it was read: whether it still does is the
    /// caller's to check.
    package func sources(withSHA256 digest: String, otherThan path: String) throws -> [SourceFileRecord] {
        var found: [SourceFileRecord] = []
        try db.prepare("""
            SELECT \(Self.sourceColumns) FROM source_files WHERE sha256 = ? AND path <> ? AND status IN ('present', 'gone') ORDER BY id
            """, reading: "source_files").query([.text(digest), .text(path)]) { found.append(try Self.sourceRecord($0)) }
        return found
    }

    /// The ledger lines of copies (`duplicate`) holding the bytes of SHA-256 `digest`, in the order of their paths.
    func copies(ofSHA256 digest: String) throws -> [SourceFileRecord] {
        var found: [SourceFileRecord] = []
        try db.prepare("""
            SELECT \(Self.sourceColumns) FROM source_files WHERE sha256 = ? AND status = 'duplicate' ORDER BY path
            """, reading: "source_files").query([.text(digest)]) { found.append(try Self.sourceRecord($0)) }
        return found
    }

    /// Every ledger line, by path.
    package func sources() throws -> [SourceFileRecord] {
        var all: [SourceFileRecord] = []
        try db.prepare("SELECT \(Self.sourceColumns) FROM source_files ORDER BY path", reading: "source_files").query { all.append(try Self.sourceRecord($0)) }
        return all
    }

    /// Replaces everything `record.path` contributed with `rollups` and `rejections`, in one transaction,
    /// and returns the file's ledger id.
    @discardableResult
    package func replaceContribution(
        of record: SourceFileRecord, rollups: [RollupKey: RollupTotals], rejections: [Rejection], runKeys: RunKeyStream? = nil
    ) throws -> Int64 {
        try replaceContribution(of: record, orderedRollups: rollups.map { ($0.key, $0.value) }, rejections: rejections, runKeys: runKeys)
    }

    /// `replaceContribution(of:rollups:rejections:runKeys:)` with the rollups in the order to insert them. In the
    /// order of the store's key (`Aggregator.rollupsInByteOrder()`) inserting them appends to the table, which is
    /// what makes a large export's tens of thousands cheap; each key once.
    @discardableResult
    package func replaceContribution(
        of record: SourceFileRecord, orderedRollups rollups: [(key: RollupKey, totals: RollupTotals)], rejections: [Rejection],
        runKeys: RunKeyStream? = nil, leftOut: [RunRollup] = [], openRuns: [RunRollup] = [], waitingRuns: [RunRollup] = []
    ) throws -> Int64 {
        try db.transaction {
            let id: Int64
            if let existing = try sourceID(path: record.path) {
                id = existing
                try db.prepare("DELETE FROM rollups WHERE source_id = ?").run([.integer(id)])
                try db.prepare("DELETE FROM run_keys WHERE source_id = ?").run([.integer(id)])
                try db.prepare("DELETE FROM run_key_sets WHERE source_id = ?").run([.integer(id)])
                try db.prepare("DELETE FROM run_parts WHERE source_id = ?").run([.integer(id)])
                try db.prepare("DELETE FROM rejects WHERE source_id = ?").run([.integer(id)])
                try db.prepare("DELETE FROM run_rollups WHERE source_id = ?").run([.integer(id)])
                try db.prepare(Self.updateSourceSQL).run(Self.sourceValues(record) + [.integer(id)])
            } else {
                id = try insertSource(record)
            }
            try markWrittenByJobRun(source: id)
            try insertRollups(rollups, source: id, adding: false)
            try keepQuality(of: rollups, source: id, adding: false)
            try insertRejections(rejections, source: id)
            try insertRunRollups(leftOut, role: .leftOut, source: id)
            try insertRunRollups(openRuns, role: .countedOpen, source: id)
            try insertRunRollups(waitingRuns, role: .waiting, source: id)
            let runKeysDigest = try runKeys.map { try insertRunKeys($0, source: id) }
            // After the run ids: the rollup digest covers which runs the file counted unfinished. The run-key digest is
            // the new set's, or none when the file has none now.
            try recordRollupDigest(ofSource: id, runKeysDigest: runKeysDigest)
            return id
        }
    }

    /// Adds what the part of a file appended since the last run contributed, and moves its ledger line
    /// on, in one transaction: the file's earlier rollups and rejects stay.
    package func appendContribution(
        of record: SourceFileRecord, rollups: [RollupKey: RollupTotals], rejections: [Rejection], runKeys: RunKeyStream? = nil
    ) throws {
        try appendContribution(of: record, orderedRollups: rollups.map { ($0.key, $0.value) }, rejections: rejections, runKeys: runKeys)
    }

    /// `appendContribution(of:rollups:rejections:runKeys:)` with rollups in the order of the store's key.
    package func appendContribution(
        of record: SourceFileRecord, orderedRollups rollups: [(key: RollupKey, totals: RollupTotals)], rejections: [Rejection],
        runKeys: RunKeyStream? = nil, leftOut: [RunRollup] = [], openRuns: [RunRollup] = [], waitingRuns: [RunRollup] = []
    ) throws {
        try db.transaction {
            guard let id = try sourceID(path: record.path) else {
                _ = try replaceContribution(of: record, orderedRollups: rollups, rejections: rejections, runKeys: runKeys, leftOut: leftOut,
                                            openRuns: openRuns, waitingRuns: waitingRuns)
                return
            }
            try insertRunRollups(leftOut, role: .leftOut, source: id)
            try insertRunRollups(openRuns, role: .countedOpen, source: id)
            try insertRunRollups(waitingRuns, role: .waiting, source: id)
            let runKeysDigest = try runKeys.map { try addRunKeys($0, source: id) }
            try db.prepare(Self.updateSourceSQL).run(Self.sourceValues(record) + [.integer(id)])
            try markWrittenByJobRun(source: id, appending: true)
            try insertRollups(rollups, source: id, adding: true)
            try keepQuality(of: rollups, source: id, adding: true)
            // Without run ids appended, the file's set is as it was, and so is its digest.
            if let runKeysDigest {
                try recordRollupDigest(ofSource: id, runKeysDigest: runKeysDigest)
            } else {
                try recordRollupDigest(ofSource: id)
            }
            try insertRejections(rejections, source: id)
        }
    }

    /// Notes a file the job could not read. A file never read gets a ledger line of its own, `unreadable`
    /// with the reason, so that reports name it among their sources; one read before keeps its line and
    /// its figures.
    package func recordUnreadable(path: String, format: String, reason: String) throws {
        try db.transaction {
            if let existing = try source(path: path) {
                guard existing.status == .unreadable else { return }
                try db.prepare("UPDATE source_files SET reject_reason = ?, format = ? WHERE id = ?").run([.text(reason), .text(format), .integer(existing.id)])
            } else {
                _ = try insertSource(SourceFileRecord(path: path, format: format, size: 0, sha256: "", status: .unreadable, rejectReason: reason))
            }
        }
    }

    /// Moves a ledger line to the path its file was renamed or moved to (log rotation), keeping its
    /// contribution. A line already at the new path described the file that stood there before, which is
    /// no longer there: it is dropped with whatever it contributed.
    package func renameSource(from old: String, to new: String) throws {
        try db.transaction {
            if let replaced = try source(path: new) {
                for table in ["rollups", "rollup_quality", "rejects", "run_rollups", "run_keys", "run_key_sets", "run_parts"] {
                    try db.prepare("DELETE FROM \(table) WHERE source_id = ?").run([.integer(replaced.id)])
                }
                try db.prepare("DELETE FROM source_files WHERE id = ?").run([.integer(replaced.id)])
            }
            try db.prepare("UPDATE source_files SET path = ?, status = 'present' WHERE path = ?").run([.text(new), .text(old)])
            try db.prepare("INSERT INTO renamed_paths (old_path, new_path) VALUES (?, ?)").run([.text(old), .text(new)])
            // Runs other files left out as counted in it are named by its path: by its new one now, so that they are found
            // when it no longer counts them (`filesLeavingRunsOut`).
            try db.prepare("UPDATE rejects SET reason = replace(reason, ?1, ?2) WHERE repeated_run = 1 AND instr(reason, ?1) > 0")
                .run([.text(RunAdmission.countedInText(old)), .text(RunAdmission.countedInText(new))])
        }
    }

    /// Marks files that no longer exist as gone; their rollups keep counting.
    package func markGone(paths: [String]) throws {
        guard !paths.isEmpty else { return }
        try db.transaction {
            let update = try db.prepare("UPDATE source_files SET status = 'gone' WHERE path = ? AND status = 'present'")
            for path in paths { try update.run([.text(path)]) }
        }
    }

    /// Paths of the files present whose rows include a run rejected as in the future (`EventWindow.futureReason`): read whole
    /// again each night, such a row counts once its time has come. A clock set back, then right again, made none of them ever
    /// counted, the file unchanged (helper-188 #1). The quarantine is looked through, not the ledger: a quiet night reads the
    /// ledger once (`UnchangedFilesStoreWorkTests`), and a file's line is found by its id.
    package func sourcePathsWithRunsInTheFuture() throws -> Set<String> {
        var paths = Set<String>()
        try db.prepare("""
            SELECT DISTINCT s.path FROM rejects j CROSS JOIN source_files s ON s.id = j.source_id
            WHERE substr(j.reason, 1, ?) = ? AND s.status = 'present'
            """, reading: "rejects").query([.integer(Int64(EventWindow.futureReason.utf8.count)), .text(EventWindow.futureReason)]) { paths.insert(try $0.text(0)) }
        return paths
    }

    /// Paths of files with rollups, or rows left out, dated on or after `date`: what `kouka-nightly --since` reads again.
    package func sourcePaths(datedSince date: LocalDate) throws -> Set<String> {
        var paths = Set<String>()
        try db.prepare("""
            SELECT DISTINCT s.path FROM source_files s JOIN rollups r ON r.source_id = s.id WHERE r.day >= ?
            """, reading: "rollups").query([.text(date.description)]) { paths.insert(try $0.text(0)) }
        // And the files whose rows of those days were left out (a file every row of which another file counts has no
        // rollups): read again, one may count a run it left to another, as the other's reading may give it up.
        try db.prepare("""
            SELECT DISTINCT s.path FROM source_files s JOIN rejects j ON j.source_id = s.id WHERE j.day >= ?
            """, reading: "rejects").query([.text(date.description)]) { paths.insert(try $0.text(0)) }
        return paths
    }

    private func insertSource(_ record: SourceFileRecord) throws -> Int64 {
        try db.prepare(Self.insertSourceSQL).run(Self.sourceValues(record) + [.text(record.path)])
        return db.lastInsertRowID
    }

    /// Inserts rollups; with `adding`, totals already stored for the same key are added to.
    func insertRollups(_ rollups: [(key: RollupKey, totals: RollupTotals)], source id: Int64, adding: Bool) throws {
        let insert = try db.prepare("""
            INSERT INTO rollups (source_id, day, department, family, task_name, outcome, unit, off_hours, events, quantity,
            machine_seconds, human_seconds, human_quantity, cumulative) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            \(adding ? """
            ON CONFLICT (source_id, day, department, family, task_name, outcome, unit, off_hours) DO UPDATE SET
            events = events + excluded.events, quantity = quantity + excluded.quantity,
            machine_seconds = machine_seconds + excluded.machine_seconds, human_seconds = human_seconds + excluded.human_seconds,
            human_quantity = human_quantity + excluded.human_quantity
            """ : "")
            """)
        for (key, t) in rollups { try insert.run([.integer(id)] + Self.rollupValues(key, t)) }
    }

    /// A rollup's columns after its file, in the order of `insertRollups`: day, department, family, task_name, outcome,
    /// unit, off_hours, events, quantity, machine_seconds, human_seconds, human_quantity, cumulative.
    static func rollupValues(_ key: RollupKey, _ t: RollupTotals) -> [SQLiteValue] {
        [
            .text(key.date.description), .text(key.department), .text(key.family.rawValue),
            .text(key.taskName), .text(key.outcome.rawValue), .text(key.unit.rawValue), .integer(key.offHours ? 1 : 0),
            .integer(Int64(t.events)), .real(t.quantity), .real(t.machineSeconds), .real(t.humanSeconds), .real(t.humanMeasuredQuantity),
            .integer(key.cumulative ? (key.undatedPeriod ? 2 : 1) : 0),
        ]
    }

    /// The rollups of every file that counts, with dates from `from` to `to` inclusive, and the running totals
    /// of undated periods (`RollupKey.undatedPeriod`) outside them: whether the first of them in the range
    /// starts a period or continues one depends on the snapshot before it, and a period's usage is its last
    /// count, which may be after `to`. The undated periods' first, then the days', each in `RollupReadingOrder`. Each
    /// file's are found by the rollups' primary key (file, day, …): `CROSS JOIN` keeps SQLite from scanning the table instead.
    /// `reserving`: how many rows to make room for at once (`rollupCount()`): hundreds of thousands of rollups grown into
    /// an array doubling as it goes were copied again and again into memory new to the process, most of the time verify
    /// took to load them.
    package func rollups(from: LocalDate, to: LocalDate, reserving: Int = 0) throws -> [DailyRollup] {
        var rows: [DailyRollup] = []
        rows.reserveCapacity(reserving)
        let columns = """
            SELECT r.source_id, r.day, r.department, r.family, r.task_name, r.outcome, r.unit, r.events, r.quantity,
            r.machine_seconds, r.human_seconds, r.human_quantity, r.off_hours, r.cumulative FROM source_files s CROSS JOIN rollups r ON r.source_id = s.id
            """
        let queries: [(String, [SQLiteValue])] = [
            ("\(columns) WHERE s.status IN ('present', 'gone') AND r.cumulative = 2 AND (r.day < ? OR r.day > ?)",
             [.text(from.description), .text(to.description)]),
            ("\(columns) WHERE s.status IN ('present', 'gone') AND r.day BETWEEN ? AND ?", [.text(from.description), .text(to.description)]),
        ]
        // A city's years are hundreds of thousands of rows repeating a few days, departments, tasks and kinds in a row:
        // each is decoded once, and its number orders the rows.
        var days = StoredTextCodes<LocalDate>(), departments = StoredTextCodes<String>(), tasks = StoredTextCodes<String>()
        var families = StoredTextCodes<SystemFamily>(), outcomes = StoredTextCodes<Outcome>(), units = StoredTextCodes<EffectUnit>()
        let strictDate = { (text: String) -> LocalDate? in LocalDate(text).flatMap { $0.description == text ? $0 : nil } }
        for (sql, values) in queries {
            let start = rows.count
            var order = RollupReadingOrder(reserving: reserving > start ? reserving - start : 0)
            try db.prepare(sql, reading: "rollups").query(values) { s in
                let running = try s.runningTotal(13)
                let day = try s.code(1, among: &days, decode: strictDate), department = try s.code(2, among: &departments) { $0 }
                let family = try s.code(3, among: &families, decode: SystemFamily.init(rawValue:)), task = try s.code(4, among: &tasks) { $0 }
                let outcome = try s.code(5, among: &outcomes, decode: Outcome.init(rawValue:))
                let unit = try s.code(6, among: &units, decode: EffectUnit.init(rawValue:))
                let offHours = try s.flag(12), source = try s.int(0)
                let key = RollupKey(date: days.values[Int(day)], department: departments.values[Int(department)], family: families.values[Int(family)],
                                    taskName: tasks.values[Int(task)], outcome: outcomes.values[Int(outcome)], unit: units.values[Int(unit)],
                                    offHours: offHours, cumulative: running.cumulative, undatedPeriod: running.undatedPeriod)
                let totals = RollupTotals(events: Int(try s.int(7)), quantity: try s.double(8), machineSeconds: try s.double(9),
                                          humanSeconds: try s.double(10), humanMeasuredQuantity: try s.double(11))
                order.append(.init(day: day, department: department, family: family, task: task, outcome: outcome, unit: unit, offHours: offHours,
                                   source: source, row: rows.count - start))
                rows.append(DailyRollup(key: key, totals: totals, sourceID: source))
            }
            order.sort(&rows, range: start..<rows.count, days: days.ranks(), departments: departments.ranks(), families: families.ranks(),
                       tasks: tasks.ranks(), outcomes: outcomes.ranks(), units: units.ranks())
        }
        try attachQuality(to: &rows, from: from, to: to)
        return rows
    }

    /// How many rollups the store holds, of every file: at least as many as `rollups(from:to:)` gives.
    package func rollupCount() throws -> Int {
        var count = 0
        try db.prepare("SELECT count(*) FROM rollups", reading: "rollups").query { count = Int(try $0.int(0)) }
        return count
    }

    /// The quarantine: rejected records of every file, by path and line.
    package func rejections() throws -> [Rejection] {
        var rows: [Rejection] = []
        try db.prepare("""
            SELECT s.path, r.line, r.reason, r.repeated_run, r.day FROM rejects r JOIN source_files s ON s.id = r.source_id ORDER BY s.path, r.line
            """, reading: "rejects").query {
            rows.append(Rejection(file: try $0.text(0), line: Int(try $0.int(1)), reason: try $0.text(2), isRepeatedRun: try $0.flag(3),
                                  day: try $0.optionalDate(4)))
        }
        return rows
    }

    /// For each file, the repeated runs it left out that started from `from` to `to` inclusive.
    package func repeatedRuns(from: LocalDate, to: LocalDate) throws -> [Int64: Int] {
        var counts: [Int64: Int] = [:]
        try db.prepare("""
            SELECT source_id, count(*) FROM rejects WHERE repeated_run = 1 AND day BETWEEN ? AND ? GROUP BY source_id
            """, reading: "rejects").query([.text(from.description), .text(to.description)]) { counts[try $0.int(0)] = Int(try $0.int(1)) }
        return counts
    }

    private static let updatableColumns = [
        "format", "size", "sha256", "rows_read", "rows_accepted", "rows_rejected", "pending_runs", "byte_offset", "status",
        "reject_reason", "modified_at", "inode", "prefix_fingerprint", "resume_line", "resume_state", "hash_state", "rows_repeated",
        "changed_at", "born_at", "office_hours", "time_zone", "rows_identical",
    ]

    private static let sourceColumns = "id, path, " + updatableColumns.joined(separator: ", ")

    /// A ledger line's columns written from its record, made once: every file recorded writes its line.
    private static let updateSourceSQL = "UPDATE source_files SET \(updatableColumns.map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?"
    private static let insertSourceSQL = """
        INSERT INTO source_files (\((updatableColumns + ["path"]).joined(separator: ", "))) VALUES (\((updatableColumns + ["path"]).map { _ in "?" }.joined(separator: ", ")))
        """

    private static func sourceRecord(_ s: SQLiteStatement) throws(StoreError) -> SourceFileRecord {
        var record = SourceFileRecord(
            id: try s.int(0), path: try s.text(1), format: try s.text(2), size: try s.int(3), sha256: try s.text(4), rowsRead: Int(try s.int(5)),
            rowsAccepted: Int(try s.int(6)), rowsRejected: Int(try s.int(7)), pendingRuns: Int(try s.int(8)), byteOffset: try s.int(9),
            status: try s.value(10, as: SourceFileRecord.Status.self), rejectReason: try s.optionalText(11),
            modifiedAt: try s.double(12), inode: try s.int(13), prefixFingerprint: try s.text(14), resumeLine: Int(try s.int(15)),
            resumeState: try s.optionalText(16), hashState: try s.optionalText(17))
        record.rowsRepeated = Int(try s.int(18))
        record.changedAt = try s.double(19)
        record.bornAt = s.isNull(20) ? nil : try s.double(20)
        record.officeHours = try s.optionalText(21)
        record.timeZone = try s.optionalText(22)
        record.rowsIdentical = Int(try s.int(23))
        return record
    }

    private static func sourceValues(_ r: SourceFileRecord) -> [SQLiteValue] {
        [.text(r.format), .integer(r.size), .text(r.sha256), .integer(Int64(r.rowsRead)), .integer(Int64(r.rowsAccepted)),
         .integer(Int64(r.rowsRejected)), .integer(Int64(r.pendingRuns)), .integer(r.byteOffset), .text(r.status.rawValue),
         r.rejectReason.map { .text($0) } ?? .null, .real(r.modifiedAt), .integer(r.inode), .text(r.prefixFingerprint),
         .integer(Int64(r.resumeLine)), r.resumeState.map { .text($0) } ?? .null, r.hashState.map { .text($0) } ?? .null, .integer(Int64(r.rowsRepeated)),
         .real(r.changedAt), r.bornAt.map { .real($0) } ?? .null, r.officeHours.map { .text($0) } ?? .null, r.timeZone.map { .text($0) } ?? .null,
         .integer(Int64(r.rowsIdentical))]
    }
}
