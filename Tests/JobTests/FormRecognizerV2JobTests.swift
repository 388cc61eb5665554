import Foundation
import Testing

/// Issue 14 item 3, through the built jobs: Form Recognizer v2.1 results (older integrations, disconnected
/// containers) are counted by their docType, with their readResults as the sheets.
@Suite(.serialized) struct FormRecognizerV2JobTests {
    @Test func v2ResultsAreCountedByDocTypeAndPages() throws {
        let city = try SmallCity.formRecognizerV2("form-recognizer-v2")
        defer { city.remove() }
        for (name, pages) in [("a", 3), ("b", 2)] { try city.write("results/\(name).json", SmallCity.invoiceResult(pages: pages)) }
        let nightly = try city.nightly()
        #expect(nightly.exitCode == 0, "\(nightly.stdout)")
        let (code, json) = try city.report(2024)
        #expect(code == 0)
        let line = SmallCity.tasks(json)["A01"]
        // 3 + 2 = 5 sheets × (6 − 1) min = 25 min = 0.42 h.
        #expect(line?["units"] as? Double == 5)
        #expect(line?["hoursSaved"] as? Double == 0.42)
    }
}
