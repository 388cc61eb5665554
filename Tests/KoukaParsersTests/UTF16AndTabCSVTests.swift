import Foundation
import Kouka
import Testing

/// Issue 14 item 4: Excel's "Unicode テキスト" (UTF-16LE with a BOM, tab-separated) and other UTF-16 files
/// read as their UTF-8 twins; a format that cannot read UTF-16 says so instead of blaming the content.
@Suite struct UTF16AndTabCSVTests {
    static func utf16(_ text: String, bigEndian: Bool = false) -> Data {
        (bigEndian ? Data([0xFE, 0xFF]) : Data([0xFF, 0xFE])) + text.data(using: bigEndian ? .utf16BigEndian : .utf16LittleEndian)!
    }

    static let sessionOptions = SourceOptions(columns: ["meeting": "会議名", "time": "開催日時", "audio_seconds": "音声秒数"])

    static func sessions(_ data: Data, options: SourceOptions = sessionOptions) throws -> CollectingSink {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("s.txt", data)
        let sink = CollectingSink()
        _ = try MinutesSessionCSVParser(options: options).parse(path: path, context: tokyoContext(path), into: sink)
        return sink
    }

    @Test func excelUnicodeTextReadsAsTabSeparatedUTF16() throws {
        // Excel writes CRLF, quotes a field holding a tab, a quote or a line end, and leaves commas alone.
        let sink = try Self.sessions(Self.utf16(
            "会議名\t開催日時\t音声秒数\r\n本会議,臨時会\t2024-06-10 10:00\t5400\r\n\"総務\t委員会\"\t2024-06-11 10:00\t1800\r\n"))
        #expect(sink.rejections.isEmpty)
        #expect(sink.events.map(\.quantity) == [90, 30])
        #expect(sink.events.map(\.taskName) == ["本会議,臨時会", "総務\t委員会"])
    }

    @Test func utf16BigEndianCommaSeparatedReads() throws {
        let sink = try Self.sessions(Self.utf16("会議名,開催日時,音声秒数\n本会議,2024-06-10 10:00,5400\n", bigEndian: true))
        #expect(sink.events.map(\.quantity) == [90])
    }

    @Test func aCharacterOutsideTheBMPCutByABlockEndDecodes() throws {
        // 𠮷 is a surrogate pair; the copy is made in 1 MiB blocks, the first of which holds the BOM.
        let head = "会議名\t開催日時\t音声秒数\r\n"
        let filler = String(repeating: "あ", count: (1 << 20 - 2) / 2 - 1 - head.utf16.count)
        let sink = try Self.sessions(Self.utf16(head + filler + "𠮷\t2024-06-10 10:00\t60\r\n"))
        #expect(sink.rejections.isEmpty)
        #expect(sink.events.first?.taskName == filler + "𠮷")
        #expect(sink.events.map(\.quantity) == [1])
    }

    @Test func aConfiguredTabWinsOverAHeaderWithCommas() throws {
        let text = "会議名\t開催日時\t音声秒数,概算\n本会議\t2024-06-10 10:00\t5400\n"
        let options = SourceOptions(columns: ["meeting": "会議名", "time": "開催日時", "audio_seconds": "音声秒数,概算"], delimiter: 0x09)
        #expect(try Self.sessions(Data(text.utf8), options: options).events.map(\.quantity) == [90])
        // Taken from the header, that file is comma-separated and its columns are missing: refused, loudly.
        let detected = SourceOptions(columns: options.columns)
        #expect(throws: FormatMismatch.self) { try Self.sessions(Data(text.utf8), options: detected) }
    }

    @Test func anUnpairedSurrogateIsNamedAsDamagedUTF16() throws {
        var data = Self.utf16("会議名\t開催日時\t音声秒数\r\n")
        data.append(contentsOf: [0x00, 0xD8, 0x41, 0x00])   // a lead surrogate followed by "A"
        #expect {
            try Self.sessions(data)
        } throws: { "\($0)".contains("UTF-16LE text that does not decode") }
    }

    @Test func aUTF16JSONReads() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("20240605.json", Self.utf16(#"{"segments": [{"start": 0.0, "end": 90.0, "text": "開会"}]}"#))
        let reader = try JSONPathReader(path: path)
        var ends: [String] = []
        _ = try reader.read([.init(["segments", "*", "end"])]) { _, _, json, _ in ends.append(String(decoding: json, as: UTF8.self)) }
        #expect(ends == ["90.0"])
    }
}
