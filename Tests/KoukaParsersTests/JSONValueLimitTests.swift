import Foundation
import Kouka
import Testing

/// No JSON value is captured beyond `JSONPathReader.maxValueBytes`: a string that never closes, or one of a
/// gigabyte, would otherwise be held whole. The value comes cut, so it fails to decode and its record is
/// rejected; the records after it are read.
struct JSONValueLimitTests {
    @Test func aValueLongerThanTheLimitComesCutAndTheNextWhole() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let long = String(repeating: "あ", count: JSONPathReader.maxValueBytes / 3 + 1_000)
        let text = "[{\"id\": 1, \"text\": \"\(long)\"},\n{\"id\": 2}]"
        let path = try dir.write("a.json", Data(text.utf8))
        var captured: [(json: Data, line: Int)] = []
        let end = try JSONPathReader(path: path).read([.init(["*"])]) { _, _, json, line in captured.append((json, line)) }
        #expect(end.complete)
        #expect(captured.count == 2)
        #expect(captured[0].json.count == JSONPathReader.maxValueBytes)
        #expect((try? JSONSerialization.jsonObject(with: captured[0].json)) == nil, "cut short, it cannot pass for a record")
        #expect(captured[1].json == Data(#"{"id":2}"#.utf8), "whitespace between tokens is not kept")
        #expect(captured[1].line == 2)
    }
}
