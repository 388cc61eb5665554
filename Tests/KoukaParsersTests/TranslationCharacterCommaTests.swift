import Foundation
import Kouka
import Testing

/// A translation log's character count reads a comma only as a thousands separator, as every other mapped count does
/// (helper-88: `"1,2"` counted 12 characters and `"1,00"` 100), and a point only before a fraction that cannot be a group of
/// thousands, in a whole count (helper-92: `12.500` counted 12.5 characters, `2.5` counted 2.5).
struct TranslationCharacterCommaTests {
    @Test func aCommaOnlyGroupsThousands() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("requests.csv", Data("日時,文字数\n2024-05-01 10:00,\"1,2\"\n2024-05-01 11:00,\"1,00\"\n2024-05-01 12:00,\"1,000\"\n2024-05-01 13:00,\"12,345.0\"\n".utf8))
        let sink = CollectingSink()
        let parser = try TranslationUsageParser(options: SourceOptions(columns: ["time": "日時", "characters": "文字数"]))
        _ = try parser.parse(path: path, context: tokyoContext(path), into: sink)
        #expect(sink.events.map(\.quantity) == [1000, 12345])
        #expect(sink.rejectedLines == [2, 3])
        #expect(sink.rejections.allSatisfy { $0.reason.contains("a comma may only group thousands") })
    }

    @Test(arguments: [("12.500", nil), ("2.5", nil), ("1.000", nil), ("12345.0", 12345), ("1.5E+03", nil), ("1.23E+04", nil), ("2.5e3", nil), ("12,345.00", 12345), ("1,234.000", 1234), ("980", 980)] as [(String, Double?)])
    func aPointOnlyEndsAWholeCount(text: String, count: Double?) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("requests.csv", Data("日時,文字数\n2024-05-01 10:00,\"\(text)\"\n".utf8))
        let sink = CollectingSink()
        let parser = try TranslationUsageParser(options: SourceOptions(columns: ["time": "日時", "characters": "文字数"]))
        _ = try parser.parse(path: path, context: tokyoContext(path), into: sink)
        #expect(sink.events.map(\.quantity) == (count.map { [$0] } ?? []))
        #expect(sink.rejectedLines == (count == nil ? [2] : []))
    }
}
