import Foundation
import Kouka
import Testing

/// No line is held whole beyond `LineReader.maxLineBytes`: a longer one comes cut, and is known to be.
struct LongLineTests {
    @Test func aLineLongerThanTheLimitComesCutAndTheNextLineWhole() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let long = String(repeating: "y", count: LineReader.maxLineBytes + 300_000)
        let path = try dir.write("a.log", Data("first\n\(long)\nlast\n".utf8))
        var lines: [(Int, Int, Bool)] = []
        try LineReader(path: path).forEachLine { lines.append(($0.number, $0.bytes.count, $0.isCut)) }
        #expect(lines.map(\.0) == [1, 2, 3])
        #expect(lines[1].1 == LineReader.maxLineBytes && lines[1].2)
        #expect(lines[0].1 == 5 && !lines[0].2 && lines[2].1 == 4 && !lines[2].2)
    }
}
