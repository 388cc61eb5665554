import Foundation
import Testing

/// Issue 14 item 3, through the built jobs: Form Recognizer v2.1 results (older integrations, disconnected
/// containers) are counted by their docType, with their readResults as the sheets.
@Suite(.serialized) struct FormRecognizerV2JobTests {
    @Test func v2ResultsAreCountedByDocTypeAndPages() throws {
        let city = try SmallCity("form-recognizer-v2")
        defer { city.remove() }
        try city.write("catalog.csv", """
            task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,rework_minutes_per_failure,valid_from,match
            A01,請求書の入力,会計課,ai-ocr,sheets,6,1,,2020-04-01,prebuilt:invoice

            """)
        try city.write("kouka.toml", """
            catalog = "catalog.csv"
            output = "reports"
            [[source]]
            format = "azure-document-intelligence"
            path = "results/*.json"
            """)
        let page = #"{"page": 1, "angle": 0, "width": 8.5, "height": 11, "unit": "inch", "lines": []}"#
        for (name, pages) in [("a", 3), ("b", 2)] {
            try city.write("results/\(name).json", """
                {"status": "succeeded", "createdDateTime": "2024-06-03T01:00:00Z", "lastUpdatedDateTime": "2024-06-03T01:00:04Z",
                 "analyzeResult": {"version": "2.1.0", "readResults": [\(Array(repeating: page, count: pages).joined(separator: ", "))],
                   "pageResults": [], "documentResults": [{"docType": "prebuilt:invoice", "pageRange": [1, \(pages)], "fields": {}}], "errors": []}}
                """)
        }
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
