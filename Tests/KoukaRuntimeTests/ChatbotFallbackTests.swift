import Foundation
@testable import Kouka
import Testing

/// A Rasa question whose intent is the fallback (`nlu_fallback`) is one the bot did not understand: unanswered, and of no
/// task, so no catalog row is missing for it. The nightly run listed it as an unmapped name and ended with exit 1 every
/// night a tracker held one, inviting a city to add `nlu_fallback` to its catalog; it is counted as a failure and in the
/// answer rate, and not listed.
@Suite struct ChatbotFallbackTests {
    @Test func aFallbackQuestionIsNoUnmappedName() throws {
        let city = try TemporaryCity(catalog: OverlappingChatbotExportsTests.catalog,
                                     sources: "[[source]]\nformat = \"rasa-tracker\"\npath = \"logs/*.json\"\n")
        defer { city.remove() }
        let fallback = #"{"event": "user", "timestamp": 1714525300.5, "message_id": "f1", "text": "秘密", "parse_data": {"intent": {"name": "nlu_fallback", "confidence": 0.3}}}"#
        let unknown = #"{"event": "user", "timestamp": 1714525400.5, "message_id": "u1", "text": "秘密", "parse_data": {"intent": {"name": "ask_parking", "confidence": 0.9}}}"#
        try city.write("logs/a.json", #"{"sender_id": "s", "events": ["# + OverlappingChatbotExportsTests.rasaUser(1_714_525_200.5, "g1") + ", " + fallback + "]}")
        let summary = try city.nightly()
        #expect(summary.unmapped.isEmpty, "\(summary.unmapped)")
        #expect(summary.exitCode == .done)
        #expect(try OverlappingChatbotExportsTests.outcomes(city) == [.success: 1, .failure: 1], "the fallback question is counted, unanswered")
        // An intent the catalog does not map is still a name to look at.
        try city.write("logs/b.json", #"{"sender_id": "t", "events": ["# + unknown + "]}")
        let next = try city.nightly()
        #expect(next.unmapped.map(\.name) == ["ask_parking"])
        #expect(next.exitCode == .doneWithFindings)
    }

    /// The run that states what a killed run left unstated lists unmapped names by the same rule, knowing a file by its
    /// format only.
    @Test func theRuleIsOneForAReadAndForWhatAKilledRunLeft() throws {
        let city = try TemporaryCity(catalog: OverlappingChatbotExportsTests.catalog, sources: "[[source]]\nformat = \"rasa-tracker\"\npath = \"logs/*.json\"\n")
        defer { city.remove() }
        let configuration = try Configuration.load(path: city.configPath)
        let byFormat = NightlySummary.UnmappedName.unclassifiedByFormat(configuration.sources)
        #expect(byFormat["rasa-tracker"] == ["nlu_fallback", RasaTrackerParser.typedCommand], "a fallback, and a command typed by a user")
        var rows = CatalogRows(try TaskCatalogLoader.load(path: configuration.catalogPath))
        func key(_ name: String, _ outcome: Outcome) -> RollupKey {
            RollupKey(date: LocalDate(year: 2024, month: 5, day: 1), department: "", family: .chatbot, taskName: name, outcome: outcome, unit: .inquiries, offHours: false)
        }
        let names = byFormat["rasa-tracker"] ?? []
        #expect(!NightlySummary.UnmappedName.isListed(key("nlu_fallback", .failure), catalogRows: &rows, unclassified: names))
        #expect(NightlySummary.UnmappedName.isListed(key("ask_parking", .failure), catalogRows: &rows, unclassified: names))
        #expect(!NightlySummary.UnmappedName.isListed(key("ask_gomi", .success), catalogRows: &rows, unclassified: names), "mapped")
    }
}
