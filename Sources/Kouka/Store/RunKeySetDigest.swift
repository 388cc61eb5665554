
/// The SHA-256 of one file's run-key set as the store holds it: its row of `run_key_sets` (or that it has none), the
/// runs it counted unfinished, then each chunk of `run_keys` with its number. The same bytes whether it is worked out
/// as the set is written (`KoukaStore.insertRunKeys`, recorded in the ledger's `run_keys_sha256`) or as the store is
/// read back (`KoukaStore.runKeyDigests()`), so that verification can tell a set changed behind Kouka's back.
struct RunKeySetDigest {
    private var hasher = SHA256()

    /// Starts with the file's row, nil when it has none, the runs it counted unfinished (nil when none are stored), and of
    /// those the questions no answer followed yet (nil when none are stored: the digest of a set without them is as before
    /// Kouka kept them, so the digests and seals recorded then stay true).
    /// The runs of its first and last days come last, when stored (sets written before Kouka kept them have none).
    init(row: RunKeySetRow?, unfinished: [UInt64]?, unanswered: [UInt64]? = nil, firstDayRuns: [UInt64]? = nil, lastDayRuns: [UInt64]? = nil) {
        guard let row else {
            KoukaStore.feed("no run-key set", separator: 0x1E, into: &hasher)
            return
        }
        for text in [row.firstDay, row.lastDay] { KoukaStore.feed(text, separator: 0x1F, into: &hasher) }
        KoukaStore.feed(row.spanClass, into: &hasher)
        // The runs it counted unfinished decide which later export takes one over: changed, a run counts twice.
        if let unfinished {
            KoukaStore.feed("unfinished", separator: 0x1E, into: &hasher)
            KoukaStore.feed(Int64(unfinished.count), into: &hasher)
            unfinished.withUnsafeBytes { hasher.update($0) }
        }
        if let unanswered {
            KoukaStore.feed("unanswered", separator: 0x1E, into: &hasher)
            KoukaStore.feed(Int64(unanswered.count), into: &hasher)
            unanswered.withUnsafeBytes { hasher.update($0) }
        }
        // They decide which run of a file of the next day is the same run: changed, a run counts twice or not at all.
        for (label, runs) in [("first day", firstDayRuns), ("last day", lastDayRuns)] {
            guard let runs else { continue }
            KoukaStore.feed(label, separator: 0x1E, into: &hasher)
            KoukaStore.feed(Int64(runs.count), into: &hasher)
            runs.withUnsafeBytes { hasher.update($0) }
        }
    }

    /// Adds the chunk numbered `number`, as stored.
    mutating func add(chunk number: Int64, _ hashes: [UInt64]) {
        KoukaStore.feed(number, into: &hasher)
        KoukaStore.feed(Int64(hashes.count), into: &hasher)
        hashes.withUnsafeBytes { hasher.update($0) }
    }

    func finish() -> String { hasher.finalizeHex() }
}
