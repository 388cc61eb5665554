import Foundation

/// The runs each file left out because another file counts them, with the rollup each would have made (`LeftOutRollup`),
/// in `left_out_runs`. Written with the file's contribution and replaced with it; covered by the file's rollup digest, so
/// a row changed behind Kouka's back shows as the file's rollups edited. Read only when a file no longer counts runs that
/// no other file counts now: a file that left one out and cannot be read again (deleted) then counts it (`takeBack`).
extension KoukaStore {
    /// A file's left-out run found for a run counted nowhere: the file's ledger id and path, and the run.
    package struct LeftOutRunFound: Sendable {
        package var source: Int64
        package var path: String
        package var run: LeftOutRollup
    }

    /// Keeps `runs`, left out by the file of ledger line `id`; in the transaction that records the file.
    func insertLeftOutRuns(_ runs: [LeftOutRollup], source id: Int64) throws {
        guard !runs.isEmpty else { return }
        let insert = try db.prepare("""
            INSERT INTO left_out_runs (source_id, line, run_hash, unfinished, unanswered, day, department, family, task_name, outcome, unit,
            off_hours, cumulative, events, quantity, machine_seconds, human_seconds, human_quantity, quality)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for run in runs {
            let (key, t) = (run.key, run.totals)
            try insert.run([
                .integer(id), .integer(Int64(run.line)), .integer(Int64(bitPattern: run.hash)), .integer(run.unfinished ? 1 : 0),
                .integer(run.unanswered ? 1 : 0), .text(key.date.description), .text(key.department), .text(key.family.rawValue), .text(key.taskName),
                .text(key.outcome.rawValue), .text(key.unit.rawValue), .integer(key.offHours ? 1 : 0),
                .integer(key.cumulative ? (key.undatedPeriod ? 2 : 1) : 0), .integer(Int64(t.events)), .real(t.quantity), .real(t.machineSeconds),
                .real(t.humanSeconds), .real(t.humanMeasuredQuantity), Self.qualityText(t.quality).map { .text($0) } ?? .null,
            ])
        }
    }

    /// Of `hashes`, the runs left out by counted files (present or gone) of `format`, by hash, each with the files that
    /// left it out in the order the ledger first recorded them.
    package func leftOutRuns(_ hashes: [UInt64], format: String) throws -> [UInt64: [LeftOutRunFound]] {
        var found: [UInt64: [LeftOutRunFound]] = [:]
        let select = try db.prepare("""
            SELECT s.id, s.path, l.line, l.unfinished, l.unanswered, l.day, l.department, l.family, l.task_name, l.outcome, l.unit, l.off_hours,
            l.cumulative, l.events, l.quantity, l.machine_seconds, l.human_seconds, l.human_quantity, l.quality
            FROM left_out_runs l CROSS JOIN source_files s ON s.id = l.source_id
            WHERE l.run_hash = ? AND s.format = ? AND s.status IN ('present', 'gone') ORDER BY s.id, l.line
            """, reading: "left_out_runs")
        for hash in hashes {
            try select.query([.integer(Int64(bitPattern: hash)), .text(format)]) { s in
                let cumulative = try s.int(12)
                let key = RollupKey(date: try s.date(5), department: try s.text(6), family: try s.value(7, as: SystemFamily.self),
                                    taskName: try s.text(8), outcome: try s.value(9, as: Outcome.self), unit: try s.value(10, as: EffectUnit.self),
                                    offHours: try s.flag(11), cumulative: cumulative != 0, undatedPeriod: cumulative == 2)
                var totals = RollupTotals(events: Int(try s.int(13)), quantity: try s.double(14), machineSeconds: try s.double(15),
                                          humanSeconds: try s.double(16), humanMeasuredQuantity: try s.double(17))
                totals.quality = try Self.quality(s.optionalText(18), path: path)
                found[hash, default: []].append(LeftOutRunFound(source: try s.int(0), path: try s.text(1), run: LeftOutRollup(
                    hash: hash, line: Int(try s.int(2)), unfinished: try s.flag(3), unanswered: try s.flag(4), key: key, totals: totals)))
            }
        }
        return found
    }

    /// Has the file of ledger line `id`, which cannot be read again, count `runs` it left out because another file counted
    /// them, which no file counts now: their rollups added to its own, their ids to its run-key set, their rows taken out
    /// of the quarantine and its row counts, its digests recorded anew; in one transaction.
    package func takeBack(_ runs: [LeftOutRollup], into id: Int64) throws {
        guard !runs.isEmpty else { return }
        try db.transaction {
            try insertRollups(runs.map { ($0.key, $0.totals) }, source: id, adding: true)
            try keepQuality(of: runs.map { ($0.key, $0.totals) }, source: id, adding: true)
            let days = runs.map(\.key.date)
            let hashes = runs.map(\.hash).sorted()
            let runKeysDigest = try addRunKeys(RunKeyStream(days: days.min()!...days.max()!, unfinished: runs.filter(\.unfinished).map(\.hash).sorted(),
                                                            unanswered: runs.filter(\.unanswered).map(\.hash).sorted()) { body in
                for hash in hashes { try body(hash) }
            }, source: id)
            let forget = try db.prepare("DELETE FROM left_out_runs WHERE source_id = ? AND line = ? AND run_hash = ?")
            // One row of the quarantine per run: a line of a compact JSON file may hold several records.
            let release = try db.prepare("""
                DELETE FROM rejects WHERE rowid = (SELECT rowid FROM rejects WHERE source_id = ? AND line = ? AND repeated_run = 1
                AND instr(reason, 'is already counted in another file: ') > 0 LIMIT 1)
                """)
            for run in runs {
                try forget.run([.integer(id), .integer(Int64(run.line)), .integer(Int64(bitPattern: run.hash))])
                try release.run([.integer(id), .integer(Int64(run.line))])
            }
            try db.prepare("""
                UPDATE source_files SET rows_accepted = rows_accepted + ?1, rows_rejected = rows_rejected - ?1, rows_repeated = rows_repeated - ?1
                WHERE id = ?2
                """).run([.integer(Int64(runs.count)), .integer(id)])
            try recordRollupDigest(ofSource: id, runKeysDigest: runKeysDigest)
        }
    }

    /// Feeds the file's left-out runs, when it has any, into its rollup digest: a store written before they were kept has
    /// none, and its digests stay as they were.
    func feedLeftOutRuns(ofSource id: Int64, into hasher: inout SHA256) throws {
        var first = true
        try db.prepare("""
            SELECT line, run_hash, unfinished, unanswered, cumulative, off_hours, events, day, department, family, task_name, outcome, unit,
            quantity, machine_seconds, human_seconds, human_quantity, quality FROM left_out_runs WHERE source_id = ? ORDER BY line, run_hash
            """, reading: "left_out_runs").query([.integer(id)]) { s in
            if first { Self.feed("left-out-v1", separator: 0x1E, into: &hasher) }
            first = false
            for column in Int32(0)...6 { Self.feed(try s.int(column), into: &hasher) }
            for column in Int32(7)...12 {
                hasher.update(try s.textBytes(column))
                Self.feed(separator: 0x1F, into: &hasher)
            }
            for column in Int32(13)...16 { Self.feed(Int64(bitPattern: try s.double(column).bitPattern), into: &hasher) }
            Self.feed(try s.optionalText(17) ?? "", separator: 0x1F, into: &hasher)
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
                throw StoreError.undecodable(path: path, table: "left_out_runs", column: "quality", value: String(line))
            }
            quality[measure] = value
        }
        return quality
    }
}
