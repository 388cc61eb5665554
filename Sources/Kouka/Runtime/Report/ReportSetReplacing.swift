import Foundation

/// A report set is not replaced by one made from a store begun after the set was written that lacks files the set
/// counted. A store built again from the logs (after damage, or at a new `database` path without the old store) no
/// longer has the files deleted since they were read: the new set would state a lower figure than the one signed, with
/// exit 0 (helper-75's new_database_path_drops_year.sh: 2.08 h became 0.42 h). Every file the set lists has its path and
/// SHA-256 in its JSON; the store lacks it when no ledger line has that path (a log that grew since keeps its path) nor
/// those bytes (a file renamed keeps them). A store that was there when the set was written is the one it was made from,
/// whatever became of its files since (a file renamed and saved over has neither its path nor its bytes).
enum ReportSetReplacing {
    /// Refuses to replace the set whose JSON is `json` when the store's first nightly run began (`storeBegan`) after the
    /// JSON was written and the set counted rows of a file that no line of the store's ledger holds, by path or by SHA-256. A set
    /// without a JSON, or one whose JSON cannot be read, is not the store's to judge: `kouka-audit verify` names it.
    /// From 0.5.6 the same holds for any store: a ledger line is never removed (a deleted file's stays, `gone`), so a store
    /// lacking a file the set counted is an older copy of the store (restored from a backup) or another one (helper-93's
    /// store-rollback.sh: the backup of a week before retention removed logs read since, and the signed 5.58 h replaced by
    /// 4.75 h, exit 0). A file at its path with other bytes grew or was corrected since; when the store keeps every path and
    /// SHA-256 its lines held (`keptSince`, before the set was written), one whose set's bytes it never read is older than
    /// the set (helper-94's rollback-bypass.sh: a backup made before an export grew). A line moved before 0.5.6 kept no
    /// earlier path: a set counting such a file under its old name, grown since, is refused too (move the set aside).
    /// A set written by a Kouka before 0.5.6 was written before any store kept read digests, whatever its file's time says
    /// (a folder copied with `cp -r` has new times: helper-95's upgrade-sets-copied-refused-073.sh, sets 0.5.5 signed refused).
    /// A store begun after the set was written — by its file's time or the time it states, whichever is earlier, since a
    /// folder copied has new file times — never read the set's bytes, and is held to its files only (helper-96's
    /// report-073-rebuilt-store.sh: a store rebuilt from the logs, the sets copied, refused).
    /// `replaced`: the set is the one being made again; else a set beside it for some of the same days, which the new set
    /// would contradict (helper-104 #4).
    static func check(json: String, paths: Set<String>, digests: Set<String>, storeBegan: Date?, keptSince: Double? = nil, clock: LocalClock = .tokyo,
                      replaced: Bool = true, hasRead: (_ sha256: String, _ path: String) throws -> Bool = { _, _ in true }) throws {
        guard let written = FileStatus(path: json), let data = FileManager.default.contents(atPath: json) else { return }
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch { return }
        guard let set = object as? [String: Any], let sources = set["sources"] as? [[String: Any]] else { return }
        let stated = (set["generatedAt"] as? String).flatMap { Timestamp($0)?.instant(in: clock).timeIntervalSince1970 }
        // The time a set states is in whole seconds: a store begun within that second was not begun after it.
        let begunAfter = storeBegan.map { $0.timeIntervalSince1970.rounded(.down) > min(written.modifiedAt, stated ?? written.modifiedAt) } ?? false
        // A store built again after a set beside the report was written (damage, a new `database`) may hold that set's files
        // under other names, grown (helper-105 #5): only the set made again is held to its files then. One that was there
        // when the set was written never drops a line, and lacking one it is an older copy (a backup restored, which keeps
        // the store's first night). Judged as for the set made again, by the earlier of its file's time and the time it
        // states: a folder of sets copied (`cp -r`) has new file times (helper-107 #2).
        if !replaced && begunAfter { return }
        let keptBefore = !begunAfter && (keptSince.map { $0 <= written.modifiedAt } ?? false)
            && KoukaVersion.keepsReadDigests(set["koukaVersion"] as? String)
        var missing: [String] = [], unread: [String] = []
        // Only files whose rows the set counted: one it lists as rejected whole, unreadable or a copy added nothing.
        for source in sources where ["present", "gone"].contains(source["status"] as? String) && (source["accepted"] as? Int ?? 0) > 0 {
            guard let path = source["path"] as? String else { continue }
            let sha256 = source["sha256"] as? String ?? ""
            if !sha256.isEmpty, digests.contains(sha256) { continue }
            if !paths.contains(path) {
                missing.append(path)
            } else if keptBefore, !sha256.isEmpty, !(try hasRead(sha256, path)) {
                unread.append(path)
            }
        }
        let folder = (json as NSString).deletingLastPathComponent
        let remedy = "point database at the store the set was made from (or restore a backup made after the set was written; files deleted since they were read cannot be counted again); "
            + (replaced ? "to replace the set all the same, move it aside first" : "to make this report all the same, move that set aside first")
        let outcome = replaced ? "a set made from it would state less than the one it replaces" : "a report made from it would state less for the days that set covers than that set does"
        if let first = missing.first {
            throw OutputRefused(
                path: folder,
                problem: begunAfter
                    ? "the report set there counted \(missing.count) file(s) that this store, begun after the set was written, has no line for (\(first) among them): the store was not made from the logs the set was, and \(outcome)"
                    : "the report set there counted \(missing.count) file(s) that this store has no line for, by path, earlier path or SHA-256 (\(first) among them), though a store never drops a line: it is an older copy of the store the set was made from (restored from a backup made before those files were read) or another store, and \(outcome)",
                remedy: remedy)
        }
        if let first = unread.first {
            throw OutputRefused(
                path: folder,
                problem: "the report set there counted \(unread.count) file(s) with bytes this store never read at their paths (\(first) among them), though it keeps every SHA-256 it read: it is an older copy of the store the set was made from (restored from a backup made before those files grew) or another store, and \(outcome)",
                remedy: remedy)
        }
    }
}
