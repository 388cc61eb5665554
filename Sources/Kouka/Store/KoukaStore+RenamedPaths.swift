/// The paths ledger lines were moved from (`renameSource`, migration v29): a file a report set lists by a path the ledger
/// no longer has was renamed, when one of these is that path; otherwise the store is not the one the set was made from.
extension KoukaStore {
    /// Every path a ledger line was moved from.
    package func renamedFromPaths() throws -> Set<String> {
        var paths = Set<String>()
        try db.prepare("SELECT old_path FROM renamed_paths", reading: "renamed_paths").query { paths.insert(try $0.text(0)) }
        return paths
    }

    /// Where each path a ledger line was moved from is now: the last path of its chain of moves (a log rotated on).
    package func movedPaths() throws -> [String: String] {
        var moves: [(String, String)] = []
        try db.prepare("SELECT old_path, new_path FROM renamed_paths ORDER BY rowid", reading: "renamed_paths").query {
            moves.append((try $0.text(0), try $0.text(1)))
        }
        var to: [String: String] = [:]
        for (old, new) in moves { to[old] = new }
        // Followed as many times as there are moves at most: a path moved back to where it was ends the chain.
        return to.mapValues { first in
            var path = first, steps = 0
            while let next = to[path], next != first, steps < moves.count { path = next; steps += 1 }
            return path
        }
    }

    /// Whether a ledger line has held `sha256` at `path` (kept from migration v29 on, `renamesKeptSince`).
    package func hasRead(_ sha256: String, at path: String) throws -> Bool {
        var found = false
        try db.prepare("SELECT 1 FROM read_digests WHERE sha256 = ? AND path = ?", reading: "read_digests").query([.text(sha256), .text(path)]) { _ in
            found = true
        }
        return found
    }

    /// Since when (seconds since 1970) renames and read digests are kept: the migration that began keeping them. Nil when its
    /// row was removed.
    package func renamesKeptSince() throws -> Double? {
        var since: Double?
        try db.prepare("SELECT at FROM renames_kept_since", reading: "renames_kept_since").query { since = try $0.double(0) }
        return since
    }
}
