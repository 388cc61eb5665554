import Foundation
import Kouka
import Testing

/// A translation log's character count reads a comma only as a thousands separator, as every other mapped count does
/// (helper-88: `"1,2"` counted 12 characters and `"1,00"` 100).
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
}
