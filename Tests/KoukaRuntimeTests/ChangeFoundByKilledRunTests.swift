@testable import Kouka
import Testing

/// helper-100 #3: a store edited behind Kouka's back, and the nightly run that found it killed before its summary: it left
/// the changed seal as its own, so the next run found nothing and no nightly run ever named the edit. Right: the next run
/// states it, once; a change a finished run stated, or one accepted, is not stated again.
@Suite struct ChangeFoundByKilledRunTests {
    static func run(_ id: Int64, _ state: String, found: String, left: String, accepted: Bool = false) -> JobRunSeal {
        JobRunSeal(run: id, startedAt: "2026-12-0\(id)T02:00:00Z", state: state, found: nil, left: nil, accepted: accepted, sumFound: found, sumLeft: left)
    }

    @Test func aChangeFoundByARunKilledBeforeItsSummaryIsStatedByTheNext() {
        let runs = [Self.run(1, "finished", found: "a", left: "a"), Self.run(2, "running", found: "b", left: "b")]
        #expect(NightlyJob.changeFoundByKilledRuns(runs)?.run == 1)
    }

    @Test func aChangeAFinishedRunStatedOrOneAcceptedIsNot() {
        #expect(NightlyJob.changeFoundByKilledRuns([Self.run(1, "finished", found: "a", left: "a"), Self.run(2, "finished", found: "b", left: "b"),
                                                    Self.run(3, "running", found: "b", left: "c")]) == nil)
        #expect(NightlyJob.changeFoundByKilledRuns([Self.run(1, "finished", found: "a", left: "a"),
                                                    Self.run(2, "failed", found: "b", left: "b", accepted: true)]) == nil)
        #expect(NightlyJob.changeFoundByKilledRuns([Self.run(1, "finished", found: "a", left: "a"), Self.run(2, "failed", found: "b", left: "b")])?.run == 1)
    }
}
