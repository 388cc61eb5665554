
/// Counted files whose rollups are not those their last reading committed (the digest each ledger line records): a figure
/// was changed in the store with sqlite3, its digest left as it was. The nightly run and the report read the store as it
/// is, so the report printed the edited figure with exit 0 and only `kouka-audit verify` named it (helper-145 #1: 236.75 h
/// printed as 237.58 h). No report is made from such a store (65).
package struct RollupsEdited: Error, Sendable, Equatable, CustomStringConvertible {
    package var paths: [String]

    package var description: String {
        "the rollups of \(paths.count) counted file(s), \(paths.first ?? "") among them, are not those their last reading committed: the store was changed behind Kouka's back, and no figure was computed from it; run kouka-audit verify, which names them, then restore the store from a backup (or, for a file still on disk, run kouka-nightly --since a day before it)"
    }

    /// Throws when a ledger line of `ledger` that records a rollup digest holds other rollups now. Each file's digest is
    /// computed from the store as `kouka-audit verify` computes it (about 0.1 s at 18,260 daily logs).
    static func check(_ store: KoukaStore, ledger: [SourceFileRecord]) throws {
        let recorded = try store.recordedRollupDigests()
        var edited: [String] = []
        for line in ledger {
            guard let digest = recorded[line.id], try store.rollupDigest(ofSource: line.id) != digest else { continue }
            edited.append(line.path)
        }
        if !edited.isEmpty { throw RollupsEdited(paths: edited.sorted()) }
    }
}
