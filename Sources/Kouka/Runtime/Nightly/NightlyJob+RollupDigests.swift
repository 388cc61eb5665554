import Logging

extension NightlyJob {
    /// The counted ledger lines without a rollup digest, as the run starts. In a store written before Kouka kept
    /// digests they get theirs, once, and the store is marked as one that keeps every digest; in a marked store
    /// each had its digest removed behind Kouka's back, and recording one now would make whatever its rollups are
    /// now look committed (changed figures of a file gone from disk could never be told again): each is named as
    /// a finding instead, and left without one, so that `kouka-audit verify` names it too.
    func settleRollupDigests(of ledger: [LedgerIdentity], store: KoukaStore, summary: inout NightlySummary) throws {
        let lacking = ledger.filter(\.lacksRollupDigest)
        guard try store.keepsEveryRollupDigest() else {
            let recorded = try store.recordRollupDigestsWrittenBefore(ofSources: lacking.map(\.id))
            if recorded > 0 { logger.notice("recorded the rollup digest of ledger lines written before Kouka kept them", metadata: ["files": "\(recorded)"]) }
            return
        }
        guard !lacking.isEmpty else { return }
        // In the order of their paths, as the summary lists files.
        summary.rollupDigestsRemoved = lacking.map(\.path).sorted().map { .init(path: $0, reason: Self.rollupDigestRemovedReason) }
        logger.warning("the rollup digest of counted files was removed behind Kouka's back; none is recorded for them",
                       metadata: ["files": "\(summary.rollupDigestsRemoved.map(\.path).joined(separator: ", "))"])
    }

    static let rollupDigestRemovedReason = """
        the ledger line has no digest of the file's rollups, though this store keeps one for every counted file: it was removed \
        behind Kouka's back, and the rollups may have been changed with it; none is recorded for them now. Run kouka-audit verify, \
        then restore the store from a backup, or, if the file is on disk, run kouka-nightly --since <a day on or before its first> \
        to read it again
        """
}
