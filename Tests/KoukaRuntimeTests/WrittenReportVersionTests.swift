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
}
