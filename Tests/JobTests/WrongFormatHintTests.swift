import Foundation
import Testing

/// A file that its source's format cannot read is rejected whole, and the summary names the shape it has and
/// the format to set — a Form Recognizer v2 result or a DeepL answer under the AI-OCR CSV, a WinActor export
/// under UiPath — never a value from the file.
@Suite(.serialized) struct WrongFormatHintTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var file: String
        var bytes: [UInt8]
        var configured: String
        var expected: String
        var testDescription: String { "\(file) as \(configured)" }
    }

    static let cases: [Case] = [
        Case(file: "invoice.json", bytes: Array(#"{"status":"succeeded","createdDateTime":"2024-05-01T00:00:00Z","analyzeResult":{"version":"2.1.0","readResults":[{"page":1}],"documentResults":[{"docType":"prebuilt:invoice"}]}}"#.utf8),
             configured: "ai-ocr-csv", expected: #"a Form Recognizer v2 result: set format = "azure-document-intelligence""#),
        Case(file: "usage_2024-07-09.json", bytes: Array(#"{"character_count": 69328, "character_limit": 1000000}"#.utf8),
             configured: "ai-ocr-csv", expected: #"a DeepL /v2/usage answer: set format = "deepl-usage""#),
        Case(file: "2024-05-01_Execution.log", bytes: Array(UnfinishedRunsTests.header.data(using: .shiftJIS)!) + Array("\r\n".utf8),
             configured: "uipath-execution-log", expected: #"a WinActor task history export: set format = "winactor-task-csv""#),
    ]

    @Test(arguments: cases)
    func theSummaryNamesTheShapeFoundAndTheFormatToSet(_ c: Case) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-shape-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("logs"), withIntermediateDirectories: true)
        try Data("task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match\nT,T,課,rpa,runs,10,1,2020-04-01,T\n".utf8)
            .write(to: root.appendingPathComponent("catalog.csv"))
        var source = "[[source]]\nformat = \"\(c.configured)\"\npath = \"logs/*\"\n"
        switch c.configured {
        case "ai-ocr-csv": source += "[source.columns]\nform = \"帳票名\"\ntime = \"読取日時\"\n"
        default: break
        }
        try Data("catalog = \"catalog.csv\"\noutput = \"reports\"\n\(source)".utf8).write(to: root.appendingPathComponent("kouka.toml"))
        try Data(c.bytes).write(to: root.appendingPathComponent("logs/\(c.file)"))
        let nightly = try JobProcess.run("kouka-nightly", ["--config", root.appendingPathComponent("kouka.toml").path])
        #expect(nightly.exitCode == 1, "\(nightly.stdout)")
        let rejected = try #require((try nightly.summary()["filesRejected"] as? [[String: Any]])?.first, "\(nightly.stdout)")
        #expect((rejected["reason"] as? String)?.contains(c.expected) == true, "\(rejected)")
    }
}
