
/// Recording a batch of files read together: small files share a commit, and the log lines of a file are
/// written once the commit that holds it is made.
extension SourceIngestor {
    /// Files at least this large are recorded in a transaction of their own, after the files before them are
    /// committed: their many rollups are what a full disk fails on, and the files before them stay recorded.
    static let ownTransactionBytes: Int64 = 1 << 20

    /// Records `reads`, in order: each run of small files in one transaction (a commit for each of a city's
    /// thousands of daily logs cost more than recording them), each large file in one of its own. Every file's
    /// ledger line, rollups and run ids are in the same transaction, so a kill leaves each whole or absent.
    ///
    /// A stop request (SIGTERM, SIGINT) is heeded between files: what was recorded is committed, the files
    /// not yet recorded are left for the next run, and the run is marked interrupted.
    func record(_ reads: [FileRead], store: KoukaStore, summary: inout NightlySummary) throws {
        var start = reads.startIndex
        var left = 0
        while start < reads.endIndex {
            var end = start + 1
            if reads[start].record.size < Self.ownTransactionBytes {
                while end < reads.endIndex, reads[end].record.size < Self.ownTransactionBytes { end += 1 }
            }
            lines.hold()
            do {
                try store.inOneTransaction {
                    for (index, read) in reads[start..<end].enumerated() {
                        if StopRequest.isRequested {
                            left = reads.count - start - index
                            break
                        }
                        try commit(read, store: store, summary: &summary)
                    }
                }
            } catch {
                lines.release(written: false)
                throw error
            }
            lines.release(written: true)
            if left > 0 { break }
            start = end
        }
        if left > 0 {
            summary.interrupted = true
            logger.warning("stop requested: files read but not yet recorded are read again next run", metadata: ["files": "\(left)"])
        }
    }
}
