/// What a ledger line says of its file's identity as it was read: all that tells an untouched file
/// (`IngestPlan.decide`'s `.unchanged`). Less than half a `SourceFileRecord`, so that a city's tens of
/// thousands of lines, read as a run starts, take little memory and are not copied whole.
package struct LedgerIdentity: Sendable {
    package var id: Int64
    package var path: String
    package var format: String
    package var size: Int64
    package var pendingRuns: Int
    package var status: SourceFileRecord.Status
    package var modifiedAt: Double
    package var inode: Int64
    package var changedAt: Double
    package var bornAt: Double?
    package var officeHours: String?
    package var timeZone: String?
    /// A counted line (present or gone) that has no rollup digest: written before Kouka kept them, or, in a store
    /// that keeps every digest (`KoukaStore.keepsEveryRollupDigest`), had it removed behind Kouka's back.
    package var lacksRollupDigest: Bool
}
