import Foundation
import Kouka
import Testing

/// Issue 14 item 3: Form Recognizer v2.0/v2.1 results name no model and list no `pages`: the form type is
/// `documentResults[].docType`, and each `readResults[]` entry is a page.
@Suite struct FormRecognizerV2Tests {
    static let page = #"{"page": 1, "angle": 0, "width": 8.5, "height": 11, "unit": "inch", "lines": [{"boundingBox": [0, 0, 1, 0, 1, 1, 0, 1], "text": "請求書", "words": [{"text": "請求書", "confidence": 0.99}]}]}"#

    static func result(docTypes: [String], pages: Int, status: String = "succeeded") -> String {
        let documents = docTypes.map { #"{"docType": "\#($0)", "pageRange": [1, \#(pages)], "fields": {"InvoiceTotal": {"type": "number", "valueNumber": 110, "text": "110", "page": 1}}}"# }
        return """
            {"status": "\(status)", "createdDateTime": "2024-03-31T15:30:00Z", "lastUpdatedDateTime": "2024-03-31T15:30:05Z",
             "analyzeResult": {"version": "2.1.0", "readResults": [\(Array(repeating: page, count: pages).joined(separator: ", "))],
               "pageResults": [{"page": 1, "tables": []}], "documentResults": [\(documents.joined(separator: ", "))], "errors": []}}
            """
    }

    func parse(_ text: String, task: String? = nil) throws -> CollectingSink {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("r.json", Data(text.utf8))
        let sink = CollectingSink()
        _ = try AzureAnalyzeResultParser(options: SourceOptions(task: task)).parse(path: path, context: tokyoContext(path), into: sink)
        return sink
    }

    @Test func aV2ResultIsNamedByItsDocTypeAndCountsItsReadResultsAsPages() throws {
        let sink = try parse(Self.result(docTypes: ["prebuilt:invoice"], pages: 3), task: "請求書")
        #expect(sink.rejections.isEmpty)
        #expect(sink.events.map(\.taskName) == ["prebuilt:invoice"], "the docType before the source's task")
        #expect(sink.events.map(\.quantity) == [3])
        #expect(sink.events.map(\.outcome) == [.success])
        #expect(sink.events.map { LocalClock.tokyo.localDate(of: $0.occurredAt) } == [LocalDate(year: 2024, month: 4, day: 1)])
        let custom = try parse(Self.result(docTypes: ["custom:jidouteate", "custom:jidouteate"], pages: 2))
        #expect(custom.events.map(\.taskName) == ["custom:jidouteate"])
        #expect(custom.events.map(\.quantity) == [2])
    }

    @Test func aV2LayoutResultIsNamedByTheSourcesTaskElseRejected() throws {
        let layout = try parse(Self.result(docTypes: [], pages: 2), task: "帳票読取")
        #expect(layout.events.map(\.taskName) == ["帳票読取"])
        #expect(layout.events.map(\.quantity) == [2])
        let unnamed = try parse(Self.result(docTypes: [], pages: 2))
        #expect(unnamed.events.isEmpty)
        #expect(unnamed.rejections.first?.reason.contains("documentResults[].docType") == true)
    }

    @Test func aV2ResultOfSeveralFormTypesIsRejected() throws {
        let sink = try parse(Self.result(docTypes: ["prebuilt:invoice", "prebuilt:receipt"], pages: 2))
        #expect(sink.events.isEmpty)
        #expect(sink.rejectedLines == [1])
    }
}
