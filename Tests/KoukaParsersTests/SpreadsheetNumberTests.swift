import Foundation
@testable import Kouka
import Testing

/// Numbers as a spreadsheet writes them into an export (helper-101 #3, #6): E notation keeps only the digits the cell
/// showed (1,234 minutes formatted as 指数 became `1.23E+03`), and a comma only groups thousands (`36,5` is no 365).
@Suite struct SpreadsheetNumberTests {
    @Test(arguments: [("1234", 1234.0), ("12.5", 12.5), ("1,234", 1234), ("1,234,567.5", 1_234_567.5), ("36,5", nil), ("12,34", nil),
                      (",123", nil), ("1,2345", nil), ("1234,567", nil), ("1,23.5", nil), ("", nil)] as [(String, Double?)])
    func aFieldsCommaOnlyGroupsThousands(text: String, value: Double?) {
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBytes { ASCIIField.number($0) } == value)
    }

    @Test(arguments: [("1234", 1234.0), ("12.5", 12.5), ("1.23E+03", nil), ("1e3", nil), ("2.5E-1", nil)] as [(String, Double?)])
    func aPlainNumberHasNoExponent(text: String, value: Double?) {
        #expect(DecimalText.plainNumber(text) == value)
    }

    /// Post-editing minutes `1.23E+03` (1,234 rounded) were counted 1,230: the row is quarantined with its reason.
    @Test func postEditingMinutesInENotationAreRejected() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("requests.csv", Data("日時,文字数,後編集（分）\n2024-05-01 10:00,1000,1.23E+03\n2024-05-02 10:00,1000,12\n".utf8))
        let sink = CollectingSink()
        let parser = try TranslationUsageParser(options: SourceOptions(columns: ["time": "日時", "characters": "文字数", "post_edit_minutes": "後編集（分）"]))
        _ = try parser.parse(path: path, context: tokyoContext(path), into: sink)
        #expect(sink.events.count == 1)
        #expect(sink.rejectedLines == [2])
        #expect(sink.rejections.first?.reason.contains("E notation") == true)
    }

    /// A flow run's `runduration` `3.41E+04` seconds (34,123 rounded) set its machine time, and with no start its day.
    @Test func aRunDurationInENotationIsRejected() throws {
        let csv = "flowsessionid,name,startedon,completedon,runduration,statuscode\n"
            + "s1,住民税_課税資料取込,,2024-04-01T00:10:00Z,3.41E+04,4\ns2,住民税_課税資料取込,2024-05-01T00:00:00Z,2024-05-01T00:10:00Z,600,4\n"
        let (_, sink) = try PowerAutomateFlowSessionParserTests.parse("sessions.csv", Data(csv.utf8))
        #expect(sink.events.map(\.machineSeconds) == [600])
        #expect(sink.rejectedLines == [2])
        #expect(sink.rejections.first?.reason.contains("E notation") == true)
    }

    /// A flow run's `runduration` with a thousands separator is refused, its reason naming the separator beside E notation
    /// (helper-194 #2: it spoke of E notation alone).
    @Test func aRunDurationWithAThousandsSeparatorSaysSo() throws {
        let csv = "flowsessionid,name,startedon,completedon,runduration,statuscode\n"
            + "s1,住民税_課税資料取込,2024-05-01T00:00:00Z,2024-05-01T00:21:00Z,\"1,260\",4\n"
        let (_, sink) = try PowerAutomateFlowSessionParserTests.parse("sessions.csv", Data(csv.utf8))
        #expect(sink.rejections.first?.reason.contains("no thousands separator") == true, "\(sink.rejections)")
    }

    /// An empty export is named as a file to get again, not as a format to check (helper-194 #3).
    @Test func anEmptyFileIsToBeGotAgain() {
        let mismatch = FormatMismatch(path: "logs/tasks.csv", format: "winactor-task-csv", reason: "the file is empty: no header row")
        #expect(mismatch.description == "logs/tasks.csv: the file is empty: no header row; nothing of it was counted — get the file again from the tool (a download or copy that failed), or remove it")
    }
}
