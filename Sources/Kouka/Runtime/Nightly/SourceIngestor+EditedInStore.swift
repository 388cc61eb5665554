
extension SourceIngestor {
    /// What of the file of ledger line `id` no longer gives the digest its last commit recorded — its rollups, its run ids
    /// (with which a later file leaves its runs out), or both — as words for the finding; nil when neither was changed.
    static func editedInStore(_ id: Int64, store: KoukaStore) throws -> String? {
        var edited: [String] = []
        if let recorded = try store.recordedRollupDigest(ofSource: id), try store.rollupDigest(ofSource: id) != recorded { edited.append("rollups") }
        if try store.runKeysChanged(ofSource: id) { edited.append("run ids") }
        return edited.isEmpty ? nil : edited.joined(separator: " and ")
    }
}
