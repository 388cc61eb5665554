
/// Each file's run-key set (`run_key_sets`, `run_keys`) against the digest its commit recorded in the ledger
/// (`run_keys_sha256`, which the ledger's seal covers). The run ids decide which later file leaves a run out: a set
/// removed or changed behind Kouka's back makes an overlapping file count runs twice, or nowhere, with every figure
/// agreeing with the logs until it does. This also holds for a file no longer on disk, which cannot be read again.
enum RunKeyDigestCheck {
    /// The differences between `actual` (the sets as the store holds them, `KoukaStore.runKeyDigests()`) and `recorded`,
    /// by ledger line id, for the lines of `ledger`. `kept`: the store has recorded a digest for every set since it was
    /// marked (`KoukaStore.keepsEveryRunKeyDigest`); before, there is nothing to compare with, and one finding says so.
    static func differences(ledger: [SourceFileRecord], actual: [Int64: String], recorded: [Int64: String], kept: Bool) -> [VerifySummary.Difference] {
        guard kept else {
            let unrecorded = ledger.filter { actual[$0.id] != nil }
            guard let first = unrecorded.first else { return [] }
            return [.init(kind: "unverifiable", subject: first.path, field: "run_keys_sha256", found: "none", expected: "\(unrecorded.count) digests",
                          expectedFrom: "store", detail: "no digest of the run-key sets of \(unrecorded.count) file(s), this one among them, is recorded: the store was written before Kouka 0.4.7 kept them; run kouka-nightly once, which records them")]
        }
        var differences: [VerifySummary.Difference] = []
        for line in ledger {
            let now = actual[line.id], then = recorded[line.id]
            guard now != then else { continue }
            let since = "kouka-nightly --since <a day on or before the file's first>"
            let detail = switch (now, then) {
            case (nil, _?):
                "the file's run ids were removed from the store behind Kouka's back (its commit recorded a run-key set): a later file holding the same runs now counts them a second time. Restore the store from a backup; if the file is on disk, run \(since) to read it again"
            case (_?, nil):
                "the file has run ids in the store but its commit recorded none (this store records a digest for every set): the set was added, or its digest removed, behind Kouka's back, and a later file holding those runs would leave them out. Restore the store from a backup; if the file is on disk, run \(since) to read it again"
            default:
                "the file's run ids in the store are not those its commit recorded: they were changed behind Kouka's back, and a later file holding the same runs would count them twice or leave them out. Restore the store from a backup; if the file is on disk, run \(since) to read it again"
            }
            differences.append(.init(kind: "run-keys-digest", subject: line.path, field: "run_keys, run_key_sets", found: now ?? "none", foundIn: "store",
                                     expected: then ?? "none", expectedFrom: "store", detail: detail))
        }
        return differences
    }
}
