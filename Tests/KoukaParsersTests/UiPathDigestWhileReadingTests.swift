import Foundation
@testable import Kouka
import Testing

/// A robot's `Execution.log` read from its start hands every byte to the ledger's digest, in order and once
/// (a BOM included, a last line without its newline too), so the nightly job need not read it again to hash
/// it; an append, which goes on from a saved hash state, hands nothing over.
struct UiPathDigestWhileReadingTests {
    typealias Bytes = DigestWhileReadingTests.Bytes
    typealias L = ExecutionLogLine

    /// Runs long enough that the file spans several of the reader's blocks.
    static func lines(_ runs: Int) -> [String] {
        (0..<runs).flatMap { n in
            [L.make("10:00:00.0000", message: "住民票発行_RPA execution started", timeStamp: "2024-04-01T10:00:00+09:00", job: "job-\(n)"),
             L.end("10:02:05.0000", timeStamp: "2024-04-01T10:02:05+09:00", seconds: 125, job: "job-\(n)")]
        }
    }

    @Test(arguments: FileVariant.allCases, [true, false])
    func everyByteIsHandedOverOnce(variant: FileVariant, finalNewline: Bool) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write(UiPathExecutionLogParserTests.fileName, variant.encode(Self.lines(3_000), finalNewline: finalNewline))
        let bytes = Array(try #require(FileManager.default.contents(atPath: path)))
        #expect(bytes.count > 2 * ByteChunkReader.defaultBlockSize)
        var context = tokyoContext(path)
        let digest = Bytes()
        context.digest = digest
        let parser = UiPathExecutionLogParser()
        let sink = CollectingSink()
        let (summary, resume) = try parser.parse(path: path, context: context, resumingFrom: nil, into: sink)
        #expect(summary.recordsRead == 6_000)
        #expect(sink.events.count == 3_000)
        #expect(digest.taken == bytes)
        #expect(resume.offset == Int64(bytes.count))
        #expect(parser.digestsWhileReading(path: path))
    }

    @Test func anAppendHandsNothingOver() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write(UiPathExecutionLogParserTests.fileName, FileVariant.utf8LF.encode(Self.lines(4)))
        let parser = UiPathExecutionLogParser()
        let (_, first) = try parser.parse(path: path, context: tokyoContext(path), resumingFrom: nil, into: CollectingSink())
        var context = tokyoContext(path)
        let digest = Bytes()
        context.digest = digest
        _ = try parser.parse(path: path, context: context, resumingFrom: first, into: CollectingSink())
        #expect(digest.taken.isEmpty)
    }
}
