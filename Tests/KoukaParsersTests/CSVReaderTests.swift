import Foundation
import Kouka
import Testing

/// `CSVReader`: libcsv fed in 256 KiB blocks, a line at a time, so every record knows the line it starts on.
struct CSVReaderTests {
    struct Record: Equatable, CustomStringConvertible {
        var line: Int
        var fields: [String]
        var description: String { "\(line): \(fields)" }
    }

    /// Every record of `path` with its fields decoded (an undecodable field reads as "<invalid>").
    static func read(_ path: String, encoding: TextEncoding = .auto) throws -> (records: [Record], offsets: [Int64], encoding: TextEncoding) {
        let reader = try CSVReader(path: path, encoding: encoding)
        var records: [Record] = [], offsets: [Int64] = []
        try reader.forEachRecord { record in
            records.append(Record(line: record.line, fields: (0..<record.count).map { record.string(at: $0) ?? "<invalid>" }))
            offsets.append(record.endOffset)
        }
        return (records, offsets, reader.encoding)
    }

    /// Quoted fields with commas, a newline and doubled quotes; 0x5C trail bytes (表 95 5C, ソ 83 5C,
    /// 能 94 5C) right before a comma, a quote and a line end; a blank line.
    static let sample = [
        "id,名前,メモ",
        #"1,表示ソフト,"a,b""#,
        "2,\"能力\n開発\",\"He said \"\"hi\"\"\"",
        "",
        "3,一覧表,ソ",
        #"4,"ソ","能""#,
    ]
    static let expected = [
        Record(line: 1, fields: ["id", "名前", "メモ"]),
        Record(line: 2, fields: ["1", "表示ソフト", "a,b"]),
        Record(line: 3, fields: ["2", "能力\n開発", #"He said "hi""#]),
        Record(line: 6, fields: ["3", "一覧表", "ソ"]),
        Record(line: 7, fields: ["4", "ソ", "能"]),
    ]

    @Test(arguments: FileVariant.allCases, [true, false])
    func readsEveryVariantTheSame(variant: FileVariant, finalNewline: Bool) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("sample.csv", variant.encode(Self.sample, finalNewline: finalNewline))
        let result = try Self.read(path)
        #expect(result.encoding == variant.detectedEncoding)
        #expect(result.records == Self.expected)
    }

    @Test func carriageReturnsAloneEndLinesAlsoInsideAQuotedField() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("mac.csv", Data("a,b\r\"x\ry\",z\rlast,row\r".utf8))
        #expect(try Self.read(path).records == [
            Record(line: 1, fields: ["a", "b"]), Record(line: 2, fields: ["x\ry", "z"]), Record(line: 4, fields: ["last", "row"]),
        ])
    }

    /// Excel for Mac saves a line break typed in a cell as a line feed inside quotes, in a file of carriage returns: the
    /// first line end outside quotes decides, even in the first record (helper-147).
    @Test func aLineFeedInsideQuotesIsNoLineEndOfAFileOfCarriageReturns() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("mac.csv", Data("\"a\nb\",c\rx,y\r\"p\nq\",r\rlast,row\r".utf8))
        #expect(try Self.read(path).records == [
            Record(line: 1, fields: ["a\nb", "c"]), Record(line: 2, fields: ["x", "y"]), Record(line: 3, fields: ["p\nq", "r"]),
            Record(line: 4, fields: ["last", "row"]),
        ])
    }

    /// `\r\r\n` (Python's csv module on Windows writing to a file opened without newline='') ends each line in a line feed.
    @Test func carriageReturnsBeforeALineFeedEndTheLineAtTheLineFeed() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("py.csv", Data("a,b\r\r\nx,y\r\r\nlast,row\r\r\n".utf8))
        #expect(try Self.read(path).records.map(\.line) == [1, 2, 3])
    }

    @Test func aQuotedFieldKeepsItsCRLF() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("crlf.csv", Data("a,b\r\n\"x\r\ny\",z\r\nlast,row\r\n".utf8))
        let result = try Self.read(path)
        #expect(result.records == [
            Record(line: 1, fields: ["a", "b"]), Record(line: 2, fields: ["x\r\ny", "z"]), Record(line: 4, fields: ["last", "row"]),
        ])
    }

    /// A carriage return alone ends a line too (Excel for Mac's "CSV (Macintosh)"): helper-75's catalog_cr_only_lines.sh had
    /// every record of such a file on line 1.
    @Test(arguments: ["\n", "\r\n", "\r"])
    func blankLinesAreSkippedButCounted(newline: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        // Lines: 1 blank, 2 blank, 3 header, 4 blank, 5 blank, 6 row, 7 blank.
        let text = ["", "", "h1,h2", "", "", "a,b", ""].joined(separator: newline) + newline
        let path = try dir.write("blank.csv", Data(text.utf8))
        #expect(try Self.read(path).records == [Record(line: 3, fields: ["h1", "h2"]), Record(line: 6, fields: ["a", "b"])])
    }

    // libcsv skips a line of blanks without starting a record, so the next record keeps its own line number.
    @Test(arguments: ["   ", "\t", " \t "])
    func aLineOfSpacesDoesNotShiftTheNextRecordsLine(blank: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("spaces.csv", Data("a,b\n\(blank)\nc,d\n".utf8))
        let records = try Self.read(path).records
        #expect(records == [Record(line: 1, fields: ["a", "b"]), Record(line: 3, fields: ["c", "d"])])
    }

    @Test func endOffsetIsJustPastTheRecordsLineEnd() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        // "a,b\n" ends at 4; "\"x\ny\",z\n" (8 bytes) at 12; "c,d" with no newline at 15, the file's end.
        let plain = try dir.write("plain.csv", Data("a,b\n\"x\ny\",z\nc,d".utf8))
        #expect(try Self.read(plain).offsets == [4, 12, 15])
        // With a BOM every offset is 3 further: offsets are positions in the file.
        let bom = try dir.write("bom.csv", Data([0xEF, 0xBB, 0xBF]) + Data("a,b\r\nc,d\r\n".utf8))
        #expect(try Self.read(bom).offsets == [8, 13])
    }

    @Test func resumesFromAByteOffsetWithItsLineNumber() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("resume.csv", Data("h1,h2\r\na,b\r\nc,\"d\ne\"\r\nf,g\r\n".utf8))
        // "h1,h2\r\n" is 7 bytes and "a,b\r\n" 5: resume at byte 12 on line 3.
        let reader = try CSVReader(path: path, startOffset: 12, firstLine: 3)
        var records: [Record] = []
        try reader.forEachRecord { r in records.append(Record(line: r.line, fields: (0..<r.count).map { r.string(at: $0) ?? "" })) }
        #expect(records == [Record(line: 3, fields: ["c", "d\ne"]), Record(line: 5, fields: ["f", "g"])])
    }

    @Test func fieldAccessOnShortRowsAndAllEmptyRows() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("short.csv", Data("a,b,c\nx\n,,\n".utf8))
        let reader = try CSVReader(path: path)
        var counts: [Int] = [], blanks: [Bool] = [], beyond: [String?] = []
        try reader.forEachRecord { r in
            counts.append(r.count)
            blanks.append(r.isBlank)
            beyond.append(r.string(at: 5))
        }
        #expect(counts == [3, 1, 3])
        #expect(blanks == [false, false, true])
        #expect(beyond == ["", "", ""])
    }

    @Test func bytesThatAreNotTextInTheFilesEncodingDecodeToNil() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("bad.csv", Data("a,b\n".utf8) + Data([0x78, 0x2C, 0xFF, 0xFE, 0x0A]))
        let reader = try CSVReader(path: path, encoding: .utf8)
        var second: [String?] = []
        try reader.forEachRecord { r in if r.line == 2 { second = [r.string(at: 0), r.string(at: 1)] } }
        #expect(second == ["x", nil])
    }

    @Test func aMissingFileOrADirectoryCannotBeOpened() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        #expect(throws: InputError.self) { try CSVReader(path: dir.path("missing.csv")) }
        #expect(throws: InputError.notARegularFile(path: dir.url.path)) { try CSVReader(path: dir.url.path) }
    }

    // MARK: - Records across the 256 KiB read blocks

    /// Filler rows up to a little before the first block's end: returns the expected records so far.
    static func fill(_ builder: inout FileBuilder, upTo limit: Int) -> [Record] {
        var expected = [Record(line: builder.add("n,本文"), fields: ["n", "本文"])]
        var n = 0
        while builder.data.count < limit {
            n += 1
            let body = "行\(n)表ソ能" + String(repeating: "x", count: n % 50)
            expected.append(Record(line: builder.add("\(n),\(body)"), fields: ["\(n)", body]))
        }
        return expected
    }

    @Test(arguments: FileVariant.allCases)
    func aMultiLineQuotedFieldAcrossTwoBlocks(variant: FileVariant) throws {
        var builder = FileBuilder(variant)
        var expected = Self.fill(&builder, upTo: readBlockSize - 150)
        let start = builder.data.count
        // About 400 bytes with four newlines inside the quotes, starting within 150 bytes of the boundary.
        let long = (1...5).map { "段落\($0)、表示ソフト" + String(repeating: "y", count: 60) }.joined(separator: "\n")
        expected.append(Record(line: builder.add("big,\"\(long)\""), fields: ["big", long]))
        try #require(start < readBlockSize && builder.data.count > readBlockSize)
        for n in 1...3 { expected.append(Record(line: builder.add("after\(n),ソ"), fields: ["after\(n)", "ソ"])) }

        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let result = try Self.read(try dir.write("big.csv", builder.data))
        #expect(result.records.count == expected.count)
        #expect(result.records == expected)
    }

    @Test(arguments: [FileVariant.utf8CRLF, .utf8BOMCRLF, .shiftJISCRLF])
    func aCRLFSplitByTheBlockBoundary(variant: FileVariant) throws {
        var builder = FileBuilder(variant)
        var expected = Self.fill(&builder, upTo: readBlockSize - 200)
        // Pad one row so that its CR is the first block's last byte and its LF the second block's first.
        let pad = String(repeating: "z", count: readBlockSize - 1 - builder.data.count - 2)
        expected.append(Record(line: builder.add("p,\(pad)"), fields: ["p", pad]))
        try #require(builder.data.count == readBlockSize + 1)
        expected.append(Record(line: builder.add("next,row"), fields: ["next", "row"]))

        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        #expect(try Self.read(try dir.write("crlf-split.csv", builder.data)).records == expected)
    }

    @Test(arguments: [FileVariant.shiftJISLF, .shiftJISCRLF])
    func aShiftJISCharacterSplitByTheBlockBoundary(variant: FileVariant) throws {
        var builder = FileBuilder(variant)
        var expected = Self.fill(&builder, upTo: readBlockSize - 200)
        // 表 is 95 5C: put 0x95 on the first block's last byte and 0x5C on the next block's first.
        let pad = String(repeating: "z", count: readBlockSize - 1 - builder.data.count - 2)
        let field = pad + "表ソ"
        expected.append(Record(line: builder.add("s,\(field)"), fields: ["s", field]))
        try #require(builder.data[readBlockSize - 1] == 0x95 && builder.data[readBlockSize] == 0x5C)
        expected.append(Record(line: builder.add("t,能"), fields: ["t", "能"]))

        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let result = try Self.read(try dir.write("sjis-split.csv", builder.data))
        #expect(result.encoding == .shiftJIS)
        #expect(result.records == expected)
    }

    @Test func aUTF8CharacterCutByTheFirstBlocksEndIsStillUTF8() throws {
        // 表 is E8 A1 A8 in UTF-8: its first byte is the first block's last, so the encoding is settled on
        // a block that ends inside a character.
        var builder = FileBuilder(.utf8LF)
        var expected = [Record(line: builder.add("k,v"), fields: ["k", "v"])]
        let pad = String(repeating: "a", count: readBlockSize - 1 - builder.data.count - 2)
        expected.append(Record(line: builder.add("p,\(pad)表"), fields: ["p", pad + "表"]))
        try #require(builder.data[readBlockSize - 1] == 0xE8)
        expected.append(Record(line: builder.add("q,ソ"), fields: ["q", "ソ"]))
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let result = try Self.read(try dir.write("utf8-split.csv", builder.data))
        #expect(result.encoding == .utf8)
        #expect(result.records == expected)
    }

    @Test func aFieldLongerThanABlock() throws {
        let huge = String(repeating: "0123456789", count: 60_000) // 600,000 bytes: spans three blocks
        let text = "k,v\nhuge,\"\(huge)\"\nend,\(huge.prefix(5))"
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let result = try Self.read(try dir.write("huge.csv", Data(text.utf8)))
        #expect(result.records.map(\.line) == [1, 2, 3])
        try #require(result.records.count == 3 && result.records[1].fields.count == 2)
        #expect(result.records.map { $0.fields.first ?? "" } == ["k", "huge", "end"])
        #expect(result.records[1].fields[1] == huge)
        #expect(result.records[2].fields == ["end", "01234"])
        #expect(result.offsets.last == Int64(text.utf8.count))
    }
}
