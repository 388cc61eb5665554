import Foundation
import Kouka
import Testing

/// Issue 14 item 4 for the formats that read byte ranges (WinActor's task export, flowsession, UiPath's
/// Execution.log): UTF-16 with a BOM reads as its UTF-8 twin, a resumed reading starts at a line end in the
/// UTF-16 file's own bytes, and text that does not decode is refused with the encoding and the byte.
@Suite struct UTF16RunLogTests {
    enum Encoding: String, CaseIterable, Sendable { case utf16LE, utf16BE }

    static func encode(_ text: String, _ encoding: Encoding) -> Data {
        encoding == .utf16LE ? Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)! : Data([0xFE, 0xFF]) + text.data(using: .utf16BigEndian)!
    }

    /// What `parse` gives for `data` written as `name` (the same name for every twin, so the events' sources match).
    static func read(_ data: Data, name: String, _ parse: (String, ParseContext, CollectingSink) throws -> Void) throws -> CollectingSink {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write(name, data)
        let sink = CollectingSink()
        try parse(path, tokyoContext(path), sink)
        return sink
    }

    static func winActor(_ data: Data) throws -> CollectingSink {
        try read(data, name: "tasks.csv") { path, context, sink in _ = try WinActorTaskCSVParser().parse(path: path, context: context, into: sink) }
    }

    static func flowSessions(_ data: Data, name: String) throws -> CollectingSink {
        try read(data, name: name) { path, context, sink in
            _ = try PowerAutomateFlowSessionParser().parse(path: path, context: context, into: sink)
        }
    }

    static func executionLog(_ data: Data) throws -> CollectingSink {
        try read(data, name: "2024-04-01_Execution.log") { path, context, sink in
            _ = try UiPathExecutionLogParser().parse(path: path, context: context, into: sink)
        }
    }

    static let tasks = [
        WinActorTaskCSVParserTests.header,
        WinActorTaskCSVParserTests.task(1, "FINISH", start: "2024/04/01 09:00:00", end: "2024/04/01 09:05:00"),
        WinActorTaskCSVParserTests.task(2, "ERROR", scenario: "国保_異動𠮷", start: "2024/04/01 10:00:00", seconds: "42"),
        WinActorTaskCSVParserTests.task(3, "FINISH", start: "2024/04/02 09:00:00", end: "2024/04/02 09:01:30"),
    ].joined(separator: "\r\n") + "\r\n"

    static let sessionsCSV = """
        flowsessionid,name,statuscode,startedon,completedon,runduration
        s1,住民税_特別徴収,Succeeded,2024-04-01T00:00:00Z,2024-04-01T00:02:00Z,120
        s2,介護保険_資格確認,Failed,2024-04-01T01:00:00Z,2024-04-01T01:00:30Z,30

        """

    static let sessionsJSON = """
        {"@odata.context":"https://city.crm7.dynamics.com/api/data/v9.2/$metadata#flowsessions","value":[
        {"flowsessionid":"s1","name":"住民税_特別徴収","statuscode":"Succeeded","startedon":"2024-04-01T00:00:00Z","completedon":"2024-04-01T00:02:00Z","runduration":120},
        {"flowsessionid":"s2","name":"介護保険_資格確認","statuscode":"Failed","startedon":"2024-04-01T01:00:00Z","completedon":"2024-04-01T01:00:30Z","runduration":30}
        ]}
        """

    static func logLines(jobs: ClosedRange<Int>) -> [String] {
        jobs.flatMap { job in
            [ExecutionLogLine.make("09:0\(job):00.0000", message: "住民票発行_RPA execution started", timeStamp: "2024-04-01T09:0\(job):00+09:00", job: "job-\(job)"),
             ExecutionLogLine.end("09:0\(job):30.0000", timeStamp: "2024-04-01T09:0\(job):30+09:00", seconds: 30, job: "job-\(job)")]
        }
    }

    @Test(arguments: Encoding.allCases)
    func winActorTaskExportReadsAsItsUTF8Twin(encoding: Encoding) throws {
        let utf8 = try Self.winActor(Data(Self.tasks.utf8))
        #expect(utf8.events.count == 3 && utf8.rejections.isEmpty)
        let utf16 = try Self.winActor(Self.encode(Self.tasks, encoding))
        #expect(utf16.events == utf8.events)
        #expect(utf16.rejections.isEmpty)
    }

    @Test func excelUnicodeTextOfAWinActorExportIsTabSeparated() throws {
        // Excel's "Unicode テキスト": UTF-16LE, a BOM, tabs between fields; commas stay inside fields.
        let tabbed = Self.tasks.replacingOccurrences(of: ",", with: "\t")
        let sink = try Self.winActor(Self.encode(tabbed, .utf16LE))
        #expect(sink.events == (try Self.winActor(Data(Self.tasks.utf8))).events)
        #expect(sink.events.map(\.taskName) == ["住民票_表示ソフト連携", "国保_異動𠮷", "住民票_表示ソフト連携"])
        #expect(sink.events.map(\.machineSeconds) == [300, 42, 90])
    }

    @Test(arguments: Encoding.allCases)
    func flowSessionExportsReadAsTheirUTF8Twins(encoding: Encoding) throws {
        for (text, name) in [(Self.sessionsCSV, "flowsessions.csv"), (Self.sessionsJSON, "flowsessions.json"), (Self.sessionsJSON, "flowsessions")] {
            let utf8 = try Self.flowSessions(Data(text.utf8), name: name)
            #expect(utf8.events.map(\.machineSeconds) == [120, 30], "\(name)")
            let utf16 = try Self.flowSessions(Self.encode(text, encoding), name: name)
            #expect(utf16.events == utf8.events, "\(name)")
            #expect(utf16.rejections.isEmpty, "\(name)")
        }
    }

    @Test(arguments: Encoding.allCases)
    func executionLogReadsAsItsUTF8Twin(encoding: Encoding) throws {
        let text = Self.logLines(jobs: 1...3).joined(separator: "\r\n") + "\r\n"
        let utf8 = try Self.executionLog(Data(text.utf8))
        #expect(utf8.events.count == 3)
        let utf16 = try Self.executionLog(Self.encode(text, encoding))
        #expect(utf16.events == utf8.events)
        #expect(utf16.rejections.isEmpty)
    }

    /// Today's log, re-saved as UTF-16 while the robot works: the first reading stops at the end of the last
    /// whole line, an offset in the UTF-16 bytes; the next reads on from there and counts each run once.
    @Test(arguments: Encoding.allCases)
    func anAppendedExecutionLogResumesAtALineEndInItsOwnBytes(encoding: Encoding) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let first = Self.logLines(jobs: 1...2).joined(separator: "\n") + "\n"
        let half = Self.logLines(jobs: 3...3)[0] + "\n" + String(Self.logLines(jobs: 3...3)[1].prefix(30))
        let path = try dir.write("2024-04-01_Execution.log", Self.encode(first + half, encoding))
        let parser = UiPathExecutionLogParser()
        let context = tokyoContext(path, today: LocalDate(year: 2024, month: 4, day: 1))
        let sink = CollectingSink()
        let (_, resume) = try parser.parse(path: path, context: context, resumingFrom: nil, into: sink)
        #expect(sink.events.count == 2)
        // BOM, then every whole line's characters, two bytes each (the lines are BMP text).
        let expected = 2 + 2 * (first + Self.logLines(jobs: 3...3)[0] + "\n").utf16.count
        #expect(resume.offset == Int64(expected))
        #expect(resume.line == 6)
        // The robot finishes the line and writes another run.
        let rest = String(Self.logLines(jobs: 3...3)[1].dropFirst(30)) + "\n" + Self.logLines(jobs: 4...4).joined(separator: "\n") + "\n"
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: encoding == .utf16LE ? rest.data(using: .utf16LittleEndian)! : rest.data(using: .utf16BigEndian)!)
        try handle.close()
        let more = CollectingSink()
        let (_, after) = try parser.parse(path: path, context: context, resumingFrom: resume, into: more)
        #expect(more.rejections.isEmpty)
        #expect(more.events.map(\.source.line) == [5, 7])
        let whole = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(after.offset == Int64(whole))
        // Both readings together are the whole file's.
        let once = try Self.executionLog(try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect((sink.events + more.events).count == once.events.count)
    }

    /// Each format, for each damage: the encoding and the exact byte are named, and nothing is counted.
    @Test(arguments: Encoding.allCases)
    func damagedUTF16IsRefusedWithItsByte(encoding: Encoding) throws {
        let name = encoding == .utf16LE ? "UTF-16LE" : "UTF-16BE"
        let readers: [(String, (Data) throws -> CollectingSink)] = [
            (Self.tasks, Self.winActor), (Self.sessionsCSV, { try Self.flowSessions($0, name: "flowsessions.csv") }),
            (Self.sessionsJSON, { try Self.flowSessions($0, name: "flowsessions.json") }),
            (Self.logLines(jobs: 1...2).joined(separator: "\n") + "\n", Self.executionLog),
        ]
        for (text, read) in readers {
            let good = Self.encode(text, encoding)
            // An odd byte count: the last byte is half a character.
            var odd = good
            odd.append(0x41)
            #expect(throws: InputError.damagedText(path: "", encoding: name, offset: Int64(good.count), problem: ""), "\(text.prefix(20))") {
                try Self.blank(read(odd))
            }
            // A high surrogate followed by an ordinary character, in the middle of the second line.
            let line2 = Array(text.utf16).firstIndex(of: 0x0A)! + 1
            let at = 2 + 2 * (line2 + 2)
            var unpaired = good
            unpaired.replaceSubrange(at..<at + 2, with: encoding == .utf16LE ? [0x00, 0xD8] : [0xD8, 0x00])
            #expect(throws: InputError.damagedText(path: "", encoding: name, offset: Int64(at), problem: ""), "\(text.prefix(20))") {
                try Self.blank(read(unpaired))
            }
        }
    }

    /// Runs `body`, rethrowing a `damagedText` without its path and problem, so that tests compare encoding and byte.
    static func blank(_ body: @autoclosure () throws -> CollectingSink) throws {
        do { _ = try body() } catch let InputError.damagedText(_, encoding, offset, problem) {
            #expect(problem.count > 10)
            throw InputError.damagedText(path: "", encoding: encoding, offset: offset, problem: "")
        }
    }

    @Test func aReaderWithoutUTF16StillSaysSo() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("tasks.csv", Self.encode("a,b\r\n1,2\r\n", .utf16LE))
        #expect {
            try CSVReader(path: path)
        } throws: { error in
            guard case let .unreadableEncoding(_, found) = error as? InputError else { return false }
            return found.hasPrefix("UTF-16LE text")
        }
    }
}
