
/// The quarantine by date: each rejected row counts in the period of its own day (the day its run started,
/// where the row says), so that a year's report and audit name the rows of that year and not those of
/// another year of the same file. A row whose day is unknown (the row does not say, or it was rejected
/// before Kouka kept rows' days) belongs to no period and is shown in every one. A whole-file rejection
/// (line 0) is no row: the file's ledger line says it.
extension KoukaStore {
    /// For each file, its rejected rows (repeated runs among them) whose day is from `from` to `to` inclusive.
    package func rejectedRows(from: LocalDate, to: LocalDate) throws -> [Int64: Int] {
        var counts: [Int64: Int] = [:]
        try db.prepare("""
            SELECT source_id, count(*) FROM rejects WHERE line > 0 AND day BETWEEN ? AND ? GROUP BY source_id
            """, reading: "rejects").query([.text(from.description), .text(to.description)]) { counts[try $0.int(0)] = Int(try $0.int(1)) }
        return counts
    }

    /// For each file, its rejected rows whose day is unknown.
    package func undatedRejectedRows() throws -> [Int64: Int] {
        var counts: [Int64: Int] = [:]
        try db.prepare("""
            SELECT source_id, count(*) FROM rejects WHERE line > 0 AND day IS NULL GROUP BY source_id
            """, reading: "rejects").query { counts[try $0.int(0)] = Int(try $0.int(1)) }
        return counts
    }

    /// The rejected rows whose day is from `from` to `to` inclusive, and those whose day is unknown, by path
    /// and line.
    package func rejections(from: LocalDate, to: LocalDate) throws -> [Rejection] {
        var rows: [Rejection] = []
        try db.prepare("""
            SELECT s.path, r.line, r.reason, r.repeated_run, r.day FROM rejects r JOIN source_files s ON s.id = r.source_id
            WHERE r.line > 0 AND (r.day BETWEEN ? AND ? OR r.day IS NULL) ORDER BY s.path, r.line
            """, reading: "rejects").query([.text(from.description), .text(to.description)]) {
            rows.append(Rejection(file: try $0.text(0), line: Int(try $0.int(1)), reason: try $0.text(2), isRepeatedRun: try $0.flag(3),
                                  day: try $0.optionalDate(4)))
        }
        return rows
    }

    /// Fails with `StoreError.undecodable` when a rejected row's day is neither NULL nor a date as Kouka writes
    /// it: such a row would fall in no period and among no undated rows, and vanish from every report. One
    /// pass over the rejects.
    package func checkRejectDays() throws {
        try db.prepare("SELECT DISTINCT day FROM rejects WHERE day IS NOT NULL", reading: "rejects").query { _ = try $0.date(0) }
    }
}
