import Foundation
@testable import Kouka
import Testing

/// Which versions could have made a report from a store at a time (helper-100 #2): none before the latest that had read it.
@Suite struct WrittenReportVersionTests {
    let since: [(version: String, at: Double)] = [("0.5.6", 1_000), ("0.5.7", 2_000)]

    func required(_ stated: String, at seconds: Int) -> String? {
        let stamp = UTCTimestamp.string(from: Date(timeIntervalSince1970: Double(seconds)))
        return WrittenReportVersion.required(stated: stated, generatedAt: stamp, readBySince: since, clock: .tokyo)
    }

    @Test func aVersionBeforeTheLatestThatHadReadTheStoreIsNamed() {
        #expect(required("0.5.6", at: 2_500) == "0.5.7")
        #expect(required("0.5.5", at: 1_500) == "0.5.6")
        #expect(required("0.4.7", at: 2_500) == "0.5.7")
    }

    @Test func aVersionThatCouldHaveReadItIsNot() {
        #expect(required("0.5.6", at: 1_500) == nil)
        #expect(required("0.5.5", at: 500) == nil, "made before any of them read the store: a set copied from before")
        #expect(required("0.5.7", at: 2_500) == nil)
        #expect(required("0.5.10", at: 2_500) == nil)
        #expect(KoukaVersion.isBefore("0.5.9", "0.5.10") && !KoukaVersion.isBefore("0.5.10", "0.5.9"))
    }

    /// A set states the time it was made as kouka-report writes it; a bare date (its midnight) or no time at all is no such
    /// time, and a relabelled set stating one is named (helper-113 #2, helper-114 #6).
    @Test func onlyATimeWithItsOffsetIsATimeASetStates() {
        for stated in ["2026-12-06T13:08:03+09:00", "2026-12-06T04:08:03Z", "2026-12-06T13:08:03.250+09:00"] {
            #expect(WrittenReportVersion.statesATime(stated), "\(stated)")
        }
        for stated in ["2026-12-06", "unknown", "2026-12-06 13:08", "令和8年12月6日", "2026-12-06T13:08:03"] {
            #expect(!WrittenReportVersion.statesATime(stated), "\(stated)")
        }
        #expect(KoukaVersion.isWritten("0.5.9") && KoukaVersion.isWritten("0.5.10") && !KoukaVersion.isWritten("0.5.09") && !KoukaVersion.isWritten("+0.5.9"))
    }
}
