
/// The ledger and the quarantine against the seals the nightly runs recorded (`KoukaStore.ledgerSeal()`): each run must
/// have found the seal the run before it left, and the store must hold the one the last run left. A difference is a
/// change made outside kouka-nightly — what no reading of the logs can show for a file no longer on disk, whose ledger
/// line, rollups and run ids removed together leave nothing else to compare.
enum LedgerSealCheck {
    /// The store's seals as they are now: as a sum, and as Kouka 0.4.3 to 0.4.7 read it while no run has recorded a sum.
    struct Now {
        var v1: String?
        var sum: String
    }

    /// What differs between the seals of `runs` (the nightly runs, oldest first) and `now`, the store's seals as they
    /// are. The runs after `sumsSince` (nil: its record was removed) record the seal as a sum at each commit, so a run
    /// killed after reading the ledger left the seal of its last commit; a run of a Kouka before 0.4.3, or one before
    /// 0.4.8 killed, left none and is compared with nothing.
    static func differences(runs: [JobRunSeal], now: Now, sumsSince: Int64?) -> (differences: [VerifySummary.Difference], accepted: [String]) {
        var found: [VerifySummary.Difference] = []
        var accepted: [String] = []
        let boundary = sumsSince ?? runs.first(where: { $0.sumFound != nil }).map { $0.run - 1 } ?? runs.last?.run ?? 0
        if sumsSince == nil {
            found.append(.init(kind: "store-edited", subject: "the store's record of the first run that seals the ledger as a sum", field: "seal_sums_since.run",
                               found: "none", foundIn: "store", expected: "the run after which every nightly run records its seals as a sum", expectedFrom: "store",
                               detail: "it was removed outside Kouka, which hides whether later runs' seals were removed too; restore the store from a backup"))
        }
        // A run that finished records both seals; once any run has, one that finished without them had them removed, and
        // with them what they would show. (A run that failed may not have been able to read the store; one killed ended
        // nowhere.)
        if let first = runs.firstIndex(where: { $0.found != nil || $0.left != nil }) {
            for run in runs[first...] where run.run <= boundary && run.state == "finished" && (run.found == nil || run.left == nil) {
                found.append(sealsRemoved(run, field: "job_runs.seal_found, seal_left"))
            }
        }
        // From the first run that seals as a sum, a run records both sums as it reads the ledger, before it writes anything:
        // a run without them finished, or with one, had them removed. (One killed or failed before it read the ledger
        // wrote nothing.)
        for run in runs where run.run > boundary {
            let onlyOne = (run.sumFound == nil) != (run.sumLeft == nil)
            guard onlyOne || run.state == "finished" && run.sumFound == nil else { continue }
            found.append(sealsRemoved(run, field: "job_runs.seal_sum_found, seal_sum_left"))
        }
        for change in JobRunSeal.breaks(in: runs) {
            let subject = change.before.run == JobRunSeal.origin.run ? "before the first kouka-nightly run, started \(change.after.startedAt)"
                : "between the kouka-nightly runs started \(change.before.startedAt) and \(change.after.startedAt)"
            if change.after.accepted { accepted.append(subject) } else { found.append(difference(subject: subject, found: change.found, left: change.left)) }
        }
        if let last = runs.last(where: { $0.sumLeft != nil }), let left = last.sumLeft {
            if left != now.sum {
                let subject = last.run == JobRunSeal.origin.run ? "since the store was created (no kouka-nightly run has left a seal)"
                    : last.state == "finished" ? "since the kouka-nightly run started \(last.startedAt)"
                    : "since the last commit of the kouka-nightly run started \(last.startedAt) (\(last.state))"
                found.append(difference(subject: subject, found: now.sum, left: left))
            }
        } else if let last = runs.last, let left = last.left, let old = now.v1, left != old {
            found.append(difference(subject: "since the kouka-nightly run started \(last.startedAt)", found: old, left: left))
        }
        return (found, accepted)
    }

    private static func sealsRemoved(_ run: JobRunSeal, field: String) -> VerifySummary.Difference {
        .init(kind: "store-edited", subject: "the kouka-nightly run started \(run.startedAt)", field: field,
              found: "none", foundIn: "store", expected: "the seals it recorded", expectedFrom: "store",
              detail: "every run that reads the ledger records the seals of the ledger and the quarantine it found and left (a run that finished, or one killed, at its last commit): they were removed outside Kouka, which hides what was changed then; restore the store from a backup made before then")
    }

    private static func difference(subject: String, found: String, left: String) -> VerifySummary.Difference {
        .init(kind: "store-edited", subject: subject, field: "ledger, quarantine, catalog versions", found: "seal \(found.prefix(16))", foundIn: "store",
              expected: "seal \(left.prefix(16))", expectedFrom: "store",
              detail: "the ledger, the quarantine or the task catalog's kept versions were changed outside kouka-nightly in this time (or a nightly run's own line was removed from job_runs, hiding what it wrote): a line removed, added or changed (status, counts, SHA-256, rollup digest), a rejected row's line or reason rewritten, or a catalog version removed or rewritten, also of files no longer on disk, which no reading of the logs can show; restore the store from a backup made before then and compare the signed reports' source lists with the ledger; once the change is looked into and known, kouka-nightly --accept-store-edits lists it as accepted from its next run")
    }
}
