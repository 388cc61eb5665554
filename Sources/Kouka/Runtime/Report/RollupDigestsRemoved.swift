/// Counted files whose rollup digest was removed behind Kouka's back, in a store that keeps one for each: their rollups
/// may have been changed with it, so no report is made from them (65); `kouka-audit verify` names each.
package struct RollupDigestsRemoved: Error, Sendable, Equatable, CustomStringConvertible {
    package var paths: [String]

    package var description: String {
        "\(paths.count) counted file(s), \(paths.first ?? "") among them, have no digest of their rollups, though this store keeps one for each: it was removed behind Kouka's back, and the rollups may have been changed with it; run kouka-audit verify, then restore the store from a backup (or, for a file still on disk, kouka-nightly --since a day before it)"
    }
}
