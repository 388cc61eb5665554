/// The paths ledger lines were moved from (`renameSource`, migration v29): a file a report set lists by a path the ledger
/// no longer has was renamed, when one of these is that path; otherwise the store is not the one the set was made from.
extension KoukaStore {
    /// Every path a ledger line was moved from.
    package func renamedFromPaths() throws -> Set<String> {
        var paths = Set<String>()
        try db.prepare("SELECT old_path FROM renamed_paths", reading: "renamed_paths").query { paths.insert(try $0.text(0)) }
        return paths
    }

    /// Since when (seconds since 1970) renames are kept: the migration that began keeping them. Nil when its row was removed.
    package func renamesKeptSince() throws -> Double? {
        var since: Double?
        try db.prepare("SELECT at FROM renames_kept_since", reading: "renames_kept_since").query { since = try $0.double(0) }
        return since
    }
}
