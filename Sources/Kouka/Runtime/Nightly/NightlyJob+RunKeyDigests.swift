import Logging

extension NightlyJob {
    /// In a store written before Kouka kept run-key digests, records each file's, once, and marks the store: from then
    /// on `kouka-audit verify` tells a run-key set changed behind Kouka's back (`RunKeyDigestCheck`).
    func settleRunKeyDigests(store: KoukaStore) throws {
        let recorded = try store.recordRunKeyDigestsWrittenBefore()
        if recorded > 0 { logger.notice("recorded the run-key digest of ledger lines written before Kouka kept them", metadata: ["files": "\(recorded)"]) }
    }
}
