import Foundation

/// A city of Form Recognizer v2.1 results (`results/*.json`), one invoice task A01 of 6 min a sheet by hand and 1 with the
/// tool: the smallest city of a format without run ids, whose files only their bytes tell apart.
extension SmallCity {
    static func formRecognizerV2(_ name: String) throws -> SmallCity {
        let city = try SmallCity(name)
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
        return city
    }

    /// A v2.1 result of an invoice of `pages` pages, analysed on 3 June 2024.
    static func invoiceResult(pages: Int) -> String {
        let page = #"{"page": 1, "angle": 0, "width": 8.5, "height": 11, "unit": "inch", "lines": []}"#
        return """
            {"status": "succeeded", "createdDateTime": "2024-06-03T01:00:00Z", "lastUpdatedDateTime": "2024-06-03T01:00:04Z",
             "analyzeResult": {"version": "2.1.0", "readResults": [\(Array(repeating: page, count: pages).joined(separator: ", "))],
               "pageResults": [], "documentResults": [{"docType": "prebuilt:invoice", "pageRange": [1, \(pages)], "fields": {}}], "errors": []}}
            """
    }
}
