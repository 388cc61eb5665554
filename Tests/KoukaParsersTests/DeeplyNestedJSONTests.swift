import Foundation
@testable import Kouka
import Testing

/// A JSON file nested far deeper than any path a parser reads is refused as the file it is, read once through: a value's
/// path was made at every depth, so a file nested 100,000 deep took 19 s to refuse (quadratic in its depth, the store
/// locked meanwhile; helper-85's deep-json-quadratic-hang.sh). Deeper than every pattern, a value's path is not made.
@Suite struct DeeplyNestedJSONTests {
    static let depth = 100_000

    static func nested(in dir: TemporaryDirectory) throws -> String {
        try dir.write("deep.json", Data((String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth)).utf8))
    }

    @Test func aReaderLooksForNoPathDeeperThanItsPatterns() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var found: [[String]] = []
        let end = try JSONPathReader(path: try Self.nested(in: dir)).read([.init(["a", "a"]), .init(["analyzeResult", "pages", "*"])]) { path, _, _, _ in
            found.append(path)
        }
        #expect(end.complete)
        #expect(end.roots == 1)
        // The value two deep is still found, whole, as a shallow file's would be.
        #expect(found == [["a", "a"]])
    }

    @Test func anAnalyzeResultParserRefusesTheFile() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try Self.nested(in: dir)
        #expect(throws: FormatMismatch.self) {
            try AzureAnalyzeResultParser(options: SourceOptions(task: "formA")).parse(path: path, context: tokyoContext(path), into: CollectingSink())
        }
    }
}
