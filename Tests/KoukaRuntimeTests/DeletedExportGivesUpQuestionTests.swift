import Foundation
@testable import Kouka
import Testing

/// A Bot Framework transcript deleted (routine retention) while its last question had no answer yet, and a later export
/// holding the question answered. The later export left the question to the deleted one, which cannot be read again, so
/// the question stayed a failure: the night it happened exited 1 for the repeat, every night after 0 (chatbot chain
/// fuzzer, `rename_saveover.py` case B). The deleted export kept what it counted of its last question, and gives it up.
@Suite struct DeletedExportGivesUpQuestionTests {
    typealias T = AnswerInALaterExportTests

    static func deletedThenAnswered() throws -> (city: TemporaryCity, night: NightlySummary) {
        let city = try T.city()
        try city.write("logs/a.transcript", T.transcript([T.q1, T.a1, T.q2]))
        _ = try city.nightly()
        #expect(try OverlappingChatbotExportsTests.outcomes(city) == [.success: 1, .failure: 1], "Q2 not answered yet")
        try FileManager.default.removeItem(at: city.root.appendingPathComponent("logs/a.transcript"))
        _ = try city.nightly()
        try city.write("logs/b.transcript", T.transcript([T.q1, T.a1, T.q2, T.a2]))
        return (city, try city.nightly())
    }

    @Test func aDeletedExportGivesUpItsLastQuestionToALaterExportHoldingItAnswered() throws {
        let (city, night) = try Self.deletedThenAnswered()
        defer { city.remove() }
        #expect(try OverlappingChatbotExportsTests.outcomes(city) == [.success: 2], "Q1 counted in a, Q2 answered in b")
        #expect(night.runsGivenUp.map(\.path) == ["logs/a.transcript"], "\(night.runsGivenUp)")
        #expect(night.runsGivenUp.first?.reason.contains("it counted 1 run(s) before their end") == true)
        let repeats = try city.store().rejections().map { "\($0.file):\($0.line)" }.sorted()
        #expect(repeats == ["logs/a.transcript:3", "logs/b.transcript:1"], "Q2 now a repeat in a, Q1 one in b")
        #expect(try T.verify(city).isEmpty)
        #expect(try city.nightly().exitCode == .done)
        #expect(try OverlappingChatbotExportsTests.outcomes(city) == [.success: 2])
    }

    /// b then saved over with another conversation's turns: Q2 is in no file on disk, and the deleted export, which gave
    /// it up to b, counts it again as it held it (unanswered).
    @Test func theQuestionGivenUpIsTakenBackWhenTheExportHoldingItNoLongerDoes() throws {
        let (city, _) = try Self.deletedThenAnswered()
        defer { city.remove() }
        let q3 = T.activity("user", "2024-07-16T02:00:00.000Z", conversation: "c2"), a3 = T.activity("bot", "2024-07-16T02:00:01.000Z", conversation: "c2")
        try city.write("logs/b.transcript", T.transcript([q3, a3]))
        let night = try city.nightly()
        #expect(night.runsTakenBack.map(\.path) == ["logs/a.transcript"], "\(night.runsTakenBack)")
        #expect(try OverlappingChatbotExportsTests.outcomes(city) == [.success: 2, .failure: 1], "Q1 and Q3 answered, Q2 as a held it")
        #expect(try T.verify(city).isEmpty)
        #expect(try city.nightly().exitCode == .done)
    }
}
