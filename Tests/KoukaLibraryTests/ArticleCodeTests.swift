import Foundation
import Kouka
import Testing

// The Swift code of the DocC articles (Sources/Kouka/Kouka.docc), copied as it stands there, so that an API
// change that breaks an article breaks this build. Only the Hana parser is run: the rest names files that a
// city has and this machine does not.

struct HanaRobotLogParser: LogParser {
    let formatID = "hana-robot-log"
    /// The department, from the source's options: the log names none.
    var department: String?

    func parse(path: String, context: ParseContext, into sink: any ParseSink) throws -> ParseSummary {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == "start\tscenario\tresult\titems" else {
            throw FormatMismatch(path: context.displayPath, format: formatID, reason: "the first line is not Hana's header")
        }
        var summary = ParseSummary()
        for (index, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let number = index + 1
            summary.recordsRead += 1
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4, let date = LocalDate(fields[0].prefix(10)), let time = Self.time(fields[0].dropFirst(11)),
                  let items = Double(fields[3]) else {
                // The reason names what is wrong, never the line's text: a log can hold what a citizen wrote.
                sink.reject(Rejection(file: context.displayPath, line: number, reason: "not start, scenario, result and items",
                                      day: LocalDate(fields[0].prefix(10))))
                continue
            }
            let started = context.clock.instant(of: date, hour: time.hour, minute: time.minute, second: time.second)
            let outcome: Outcome
            switch fields[2] {
            case "ok": outcome = .success
            case "error": outcome = .failure
            case "running":
                // A run that may still end waits; one running for longer than the rules allow is counted as unfinished.
                guard context.now.timeIntervalSince(started) > context.pendingMaxAge else {
                    summary.pendingRuns += 1
                    continue
                }
                outcome = .unfinished
            default:
                sink.reject(Rejection(file: context.displayPath, line: number, reason: "result is not ok, error or running", day: date))
                continue
            }
            sink.accept(UsageEvent(
                family: .rpa, occurredAt: started, taskName: fields[1], department: department, outcome: outcome,
                quantity: items, unit: .items, source: context.location(number)))
        }
        return summary
    }

    private static func time(_ text: Substring) -> (hour: Int, minute: Int, second: Double)? {
        let parts = text.split(separator: ":").compactMap { Int($0) }
        return parts.count == 3 ? (parts[0], parts[1], Double(parts[2])) : nil
    }
}

/// The articles' snippets, compiled and never called.
enum ArticleSnippets {
    static func landingPage() throws {
        let figures = try Kouka.measure(
            logs: [LogFile("logs/2024-05-01_Execution.log", format: "uipath-execution-log")],
            catalog: "catalog.csv", fiscalYear: 2024, timeZone: TimeZone(identifier: "Asia/Tokyo")!)
        print(figures.label, figures.hoursSaved)   // 令和6年度, and the year's hours saved
    }

    static func gettingStarted() throws {
        let figures = try Kouka.measure(
            logs: [LogFile("winactor/tasks_FY2024.csv", format: "winactor-task-csv", encoding: .shiftJIS)],
            catalog: "catalog.csv",
            fiscalYear: 2024,
            timeZone: TimeZone(identifier: "Asia/Tokyo")!)
        print("\(figures.label): \(figures.hoursSaved) h, of which RPA \(figures.rpaHoursSaved) h")
        let bizrobo = LogFile(
            "bizrobo/runs_2024.csv", format: "rpa-csv",
            options: SourceOptions(
                columns: ["task": "ロボット名", "department": "担当課", "start": "開始日時", "end": "終了日時",
                          "status": "結果", "items": "処理件数"],
                values: ["success": ["正常終了"], "failure": ["異常終了"], "cancelled": ["中断"]]),
            encoding: .shiftJIS)
        _ = bizrobo
        do {
            let configuration = "/etc/kouka/kouka.toml"
            let figures = try Kouka.measure(
                logs: try LogFile.all(inConfiguration: configuration),
                catalog: "/etc/kouka/catalog.csv",
                fiscalYear: 2024,
                timeZone: TimeZone(identifier: "Asia/Tokyo")!,
                rules: try MeasureRules(configuration: configuration))
            let summary = try Kouka.ingest(configuration: configuration)
            if !summary.isClean {
                for rejection in summary.rejections { print("\(rejection.file):\(rejection.line): \(rejection.reason)") }
            }
            let stored = try Kouka.figures(configuration: configuration, fiscalYear: 2024)
            _ = (figures, stored)
        }
        print(figures.label, figures.firstDay, "to", figures.lastDay)          // 令和6年度 2024-04-01 to 2025-03-31
        for (system, hours) in figures.hoursSavedBySystem.sorted(by: { $0.key < $1.key }) {
            print(system, hours)                                              // ai-ocr, chatbot, minutes, rpa, translation
        }
        for line in figures.tasks {
            print(line.task, line.name, line.department, line.system, line.units, line.unit, line.hoursSaved, line.basis)
        }
        for department in figures.departments { print(department.rank, department.department, department.hoursSaved) }
        print("AI-supported tasks:", figures.aiSupportedTasks)
        for target in figures.targets { print(target.label, target.actual.map { "\($0)" } ?? "no records", "/", target.target, target.met ? "met" : "not met") }
        print("failed runs:", figures.excluded.failedRuns, "unmapped runs:", figures.excluded.unmappedRuns)
        let digests = Dictionary(uniqueKeysWithValues: figures.sources.map { ($0.path, $0.sha256) })
        for line in figures.tasks {
            print("\(line.task) \(line.hoursSaved) h: catalog \(figures.catalog) lines \(line.catalogLines)")
            for file in line.sources { print("  \(file)  sha256 \(digests[file] ?? "?")") }
        }
        print("catalog sha256", figures.catalogSHA256)
        let reading = try Kouka.read(LogFile("uipath/2024-05-01_Execution.log", format: "uipath-execution-log"),
                                     timeZone: TimeZone(identifier: "Asia/Tokyo")!)
        for event in reading.events { print(event.occurredAt, event.taskName, event.outcome, event.quantity, event.unit) }
        for rejection in reading.rejections { print("line \(rejection.line): \(rejection.reason)") }
    }

    static func writingAParser() throws {
        var formats = LogFormats.builtIn
        try formats.register("hana-robot-log") { options in
            HanaRobotLogParser(department: options.department)
        }
        let figures = try Kouka.measure(
            logs: [LogFile("hana/runs_2024.tsv", format: "hana-robot-log", options: SourceOptions(department: "市民課"))],
            catalog: "catalog.csv", fiscalYear: 2024, timeZone: TimeZone(identifier: "Asia/Tokyo")!, formats: formats)
        _ = figures
        do {
            let configuration = "/etc/kouka/kouka.toml"
            let summary = try Kouka.ingest(configuration: configuration, formats: formats)
            let stored = try Kouka.figures(configuration: configuration, fiscalYear: 2024, formats: formats)
            let logs = try LogFile.all(inConfiguration: configuration, formats: formats)
            let rules = try MeasureRules(configuration: configuration, formats: formats)
            _ = (summary, stored, logs, rules)
        }
        let reading = try Kouka.read(LogFile("hana/runs_2024.tsv", format: "hana-robot-log"),
                                     timeZone: TimeZone(identifier: "Asia/Tokyo")!, formats: formats)
        // The run still `running` since 2024 is long past pendingMaxAge: it is handed over as unfinished.
        assert(reading.events.map(\.outcome) == [.success, .failure, .unfinished])
        assert(reading.summary.recordsRead == 3 && reading.rejections.isEmpty)
        var meter = try Meter(catalog: "catalog.csv", timeZone: TimeZone(identifier: "Asia/Tokyo")!)
        for event in reading.events { meter.add(event) }
        for rejection in reading.rejections { meter.reject(rejection) }
        let streamed = meter.figures(fiscalYear: 2024)
        _ = streamed
    }
}

/// The Hana log of "Writing a parser" gives what the article says it gives.
@Suite struct ArticleCodeTests {
    @Test func theHanaParserReadsTheArticlesLog() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-hana-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("runs_2024.tsv").path
        try "start\tscenario\tresult\titems\n2024-05-01 10:00:00\t受付処理\tok\t12\n2024-05-01 13:30:00\t受付処理\terror\t3\n2024-05-02 09:00:00\t受付処理\trunning\t0\n"
            .write(toFile: log, atomically: true, encoding: .utf8)
        var formats = LogFormats.builtIn
        try formats.register("hana-robot-log") { options in HanaRobotLogParser(department: options.department) }
        let reading = try Kouka.read(LogFile(log, format: "hana-robot-log", options: SourceOptions(department: "市民課")),
                                     timeZone: TimeZone(identifier: "Asia/Tokyo")!, formats: formats)
        #expect(reading.events.map(\.outcome) == [.success, .failure, .unfinished])
        #expect(reading.events.allSatisfy { $0.department == "市民課" })
        #expect(reading.summary.recordsRead == 3 && reading.rejections.isEmpty)
        #expect(reading.events.map(\.source.line) == [2, 3, 4])

        try "time,robot\n".write(toFile: log, atomically: true, encoding: .utf8)
        #expect(throws: FormatMismatch.self) {
            try Kouka.read(LogFile(log, format: "hana-robot-log"), timeZone: TimeZone(identifier: "Asia/Tokyo")!, formats: formats)
        }
    }
}
