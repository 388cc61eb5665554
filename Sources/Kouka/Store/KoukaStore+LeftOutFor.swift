/// The files that left runs out because another file counts them (`RunAdmission.Refusal.countedIn`): when that file is read
/// again and no longer counts some of them (an export overwritten by another, or re-exported for fewer days), these must
/// be read again to count them, or the runs would count nowhere.
extension KoukaStore {
    /// The counted files (present or gone) of `format`, other than `path`, with how many repeated runs each left out as
    /// counted in the file at `path`, by path. Asked only when that file no longer counts runs it counted: its rejections
    /// are searched by their reason, which names the file (`RunAdmission.countedInText`).
    ///
    /// From the repeated runs (`rejects_repeated_by_source`, v33) to their files: `CROSS JOIN` keeps SQLite to that
    /// order, which it would not choose by itself, going through every ledger line instead.
    func filesLeavingRunsOut(for path: String, format: String) throws -> [String: Int] {
        var found: [String: Int] = [:]
        try db.prepare("""
            SELECT s.path, COUNT(*) FROM rejects r CROSS JOIN source_files s ON s.id = r.source_id
            WHERE r.repeated_run = 1 AND s.format = ? AND s.path <> ? AND s.status IN ('present', 'gone') AND instr(r.reason, ?) > 0
            GROUP BY s.path
            """, reading: "rejects").query([.text(format), .text(path), .text(RunAdmission.countedInText(path))]) {
            found[try $0.text(0)] = Int(try $0.int(1))
        }
        return found
    }
}
