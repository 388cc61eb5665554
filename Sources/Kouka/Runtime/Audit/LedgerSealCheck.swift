
/// The ledger and the quarantine against the seals the nightly runs recorded (`KoukaStore.ledgerSeal()`): each run must
/// have found the seal the run before it left, and the store must hold the one the last run left. A difference is a
/// change made outside kouka-nightly — what no reading of the logs can show for a file no longer on disk, whose ledger
/// line, rollups and run ids removed together leave nothing else to compare.
enum LedgerSealCheck {
    /// What differs between the seals of `runs` (the nightly runs, oldest first) and `now`, the store's seal as it is.
    /// A run that did not leave a seal (killed, or run by a Kouka before 0.4.3) is compared with nothing.
    static func differences(runs: [JobRunSeal], now: String) -> (differences: [VerifySummary.Difference], accepted: [String]) {
        var found: [VerifySummary.Difference] = []
        var accepted: [String] = []
        // A run that finished records both seals; once any run has, one that finished without them had them removed, and
        // with them what they would show. (A run that failed may not have been able to read the store; one killed ended
        // nowhere.)
        if let first = runs.firstIndex(where: { $0.found != nil || $0.left != nil }) {
            for run in runs[first...] where run.state == "finished" && (run.found == nil || run.left == nil) {
                found.append(.init(kind: "store-edited", subject: "the kouka-nightly run started \(run.startedAt)", field: "job_runs.seal_found, seal_left",
                                   found: "none", foundIn: "store", expected: "the seals it recorded", expectedFrom: "store",
                                   detail: "this run finished, and every run that finishes records the seals of the ledger and the quarantine it found and left: they were removed outside Kouka, which hides what was changed then; restore the store from a backup made before then"))
            }
        }
        for change in JobRunSeal.breaks(in: runs) {
            let subject = "between the kouka-nightly runs started \(change.before.startedAt) and \(change.after.startedAt)"
            if change.after.accepted { accepted.append(subject) } else { found.append(difference(subject: subject, found: change.found, left: change.left)) }
        }
        if let last = runs.last, let left = last.left, left != now {
            found.append(difference(subject: "since the kouka-nightly run started \(last.startedAt)", found: now, left: left))
        }
        return (found, accepted)
    }

    private static func difference(subject: String, found: String, left: String) -> VerifySummary.Difference {
        .init(kind: "store-edited", subject: subject, field: "ledger, quarantine", found: "seal \(found.prefix(16))", foundIn: "store",
              expected: "seal \(left.prefix(16))", expectedFrom: "store",
              detail: "the ledger or the quarantine was changed outside kouka-nightly in this time (or a nightly run's own line was removed from job_runs, hiding what it wrote): a line removed, added or changed (status, counts, SHA-256, rollup digest), or a rejected row's line or reason rewritten, also of files no longer on disk, which no reading of the logs can show; restore the store from a backup made before then and compare the signed reports' source lists with the ledger; once the change is looked into and known, kouka-nightly --accept-store-edits lists it as accepted from its next run")
    }
}
