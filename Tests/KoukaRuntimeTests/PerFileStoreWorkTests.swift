import Foundation
@testable import Kouka
import Testing

/// A city's history is thousands of small daily logs: what the store does for each file must not grow with
/// the files already in it, or a first import of five years costs the square of the files. Counted in
/// SQLite's own units (`sqlite3_stmt_status`), not timed, so that a busy machine cannot change the outcome.
@Suite struct PerFileStoreWorkTests {
    static let source = """
        [[source]]
        format = "uipath-execution-log"
        path = "logs/*_Execution.log"
        """
    static let catalog = """
        task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,rework_minutes_per_failure,valid_from,match
        T01,住民票の郵送請求,市民課,rpa,runs,40,8,10,2020-04-01,住民票郵送請求

        """
    static let firstDay = LocalDate(year: 2021, month: 4, day: 1)

    /// Robot `robot`'s log of `day`: two runs, one of them failed.
    static func log(robot: String, day: LocalDate) -> String {
        func line(_ job: String, _ time: String, end seconds: Int? = nil, error: Bool = false) -> String {
            let message = seconds != nil ? "住民票郵送請求 execution ended" : (error ? "画面要素が見つかりません" : "住民票郵送請求 execution started")
            var fields = #""message":"\#(message)","level":"\#(error ? "Error" : "Information")","logType":"Default","timeStamp":"\#(day)T\#(time).0000000+09:00","processName":"住民票郵送請求","jobId":"\#(job)""#
            if let seconds { fields += #","totalExecutionTimeInSeconds":\#(seconds)"# }
            return "\(time).0000 \(error ? "Error" : "Info") {\(fields)}"
        }
        let a = "\(robot)-\(day)-1", b = "\(robot)-\(day)-2"
        return [line(a, "09:00:00"), line(a, "09:05:00", end: 300), line(b, "10:00:00"), line(b, "10:01:00", error: true),
                line(b, "10:02:00", end: 120)].joined(separator: "\r\n") + "\r\n"
    }

    /// A city with two robots' logs of `days` days (so that every file after the first of a day is compared
    /// with the other robot's runs of that day).
    static func city(days: Int) throws -> TemporaryCity {
        let city = try TemporaryCity(catalog: catalog, sources: source)
        for offset in 0..<days {
            let day = firstDay.adding(days: offset)
            for robot in ["a", "b"] { try city.write("logs/\(day)_\(robot)_Execution.log", log(robot: robot, day: day)) }
        }
        return city
    }

    /// Runs the nightly job over `city`, calling `observe` before each file and after the last.
    static func nightly(_ city: TemporaryCity, today: LocalDate, observe: @escaping @Sendable (Int, KoukaStore) -> Void) throws -> NightlySummary {
        var options = NightlyOptions(today: today, now: LocalClock.tokyo.instant(of: today, hour: 12, minute: 0, second: 0))
        options.fileObserver = observe
        return try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent, options: options).run()
    }

    /// The SQLite work of the nightly run over `city`'s `files` files for a window of files early in the run and one of
    /// the same size late in it, and the statements whose work grew between them.
    static func windows(_ city: TemporaryCity, files: Int, today: LocalDate) throws
        -> (early: SQLiteWork, late: SQLiteWork, window: Int64, grown: String, summary: NightlySummary) {
        // Windows that start and end on a batch's bounds, inside the run. A batch's files are recorded together,
        // while the next batch is read (`ReadAhead`): at the start of batch k the batches before k - 1 are
        // recorded, so a window of w batches holds w batches' decisions and w batches' records.
        let batch = NightlyJob.batchFiles
        let window = max(1, 400 / batch) * batch
        // The early window starts a batch later still: the files of the first batch are recorded in it otherwise, and the
        // very first has no log of a day before to look up (`KoukaStore.datedNeighbours`), which is one look-up fewer.
        let earlyStart = 2 * batch, earlyEnd = earlyStart + window
        let lateEnd = (files - 1) / batch * batch, lateStart = lateEnd - window
        let work = Locked<[Int: SQLiteWork]>([:])
        let statements = Locked<[Int: [String: SQLiteWork]]>([:])
        let summary = try Self.nightly(city, today: today) { index, store in
            work.update { $0[index] = store.sqliteWork }
            // Which statements did the work of each window, to name those whose work grew.
            if [earlyEnd, lateEnd].contains(index) { statements.update { $0[index] = store.statementsNoted } }
            if [earlyStart, lateStart].contains(index) { store.noteStatements() }
        }
        let seen = work.value
        let early = statements.value[earlyEnd] ?? [:], late = statements.value[lateEnd] ?? [:]
        let grown = late.filter { $0.value.vmSteps > early[$0.key]?.vmSteps ?? 0 }
            .map { "\($0.key): \(early[$0.key]?.vmSteps ?? 0) → \($0.value.vmSteps) steps" }.sorted().joined(separator: "\n")
        return (try #require(seen[earlyEnd]) - #require(seen[earlyStart]), try #require(seen[lateEnd]) - #require(seen[lateStart]),
                Int64(window), grown, summary)
    }

    @Test func theStoreWorkOfTheLastFilesOfTwoThousandIsNoMoreThanOfTheFirst() throws {
        let city = try Self.city(days: 1000)
        defer { city.remove() }
        let (first, last, count, grown, summary) = try Self.windows(city, files: 2000, today: Self.firstDay.adding(days: 1000))
        #expect(summary.filesRead == 2000)
        #expect(summary.rowsRejected == 0)
        #expect(first.vmSteps > 0)
        #expect(last.vmSteps <= first.vmSteps,
                "the last \(count) files took \(last.vmSteps) SQLite steps, the first \(count) \(first.vmSteps); grown:\n\(grown)")
        #expect(last.fullScanSteps <= first.fullScanSteps,
                "the last \(count) files stepped through \(last.fullScanSteps) rows of full scans, the first \(count) \(first.fullScanSteps)")
        #expect(last.fullScanSteps == 0, "no per-file query scans a table")
        #expect(last.autoIndexRows == 0, "no per-file query needs an index SQLite has to build")
    }

    /// A chatbot's exports are many small files (a Rasa tracker per conversation), each with its last question counted
    /// before its end: were each compared with every file that counts such a question, as unfinished robot runs are,
    /// 3,000 trackers took 12 times as long as before.
    @Test func theStoreWorkOfAChatbotsLastTrackersIsNoMoreThanOfTheFirst() throws {
        let city = try TemporaryCity(catalog: OverlappingChatbotExportsTests.catalog,
                                     sources: "[[source]]\nformat = \"rasa-tracker\"\npath = \"logs/*.json\"\n")
        defer { city.remove() }
        let files = 1200
        for i in 0..<files {
            // One conversation a day, two questions: a tracker's own day holds no other, so the work of each stays the same
            // unless a query compares it with trackers of other days.
            let t = 1_619_827_200.0 + Double(i) * 86_400
            try city.write("logs/tracker_\(String(format: "%05d", i)).json", OverlappingChatbotExportsTests.tracker([(t, "m\(i)a"), (t + 30, "m\(i)b")]))
        }
        let (first, last, count, grown, summary) = try Self.windows(city, files: files, today: Self.firstDay.adding(days: 1500))
        #expect(summary.filesRead == files)
        #expect(last.vmSteps <= first.vmSteps,
                "the last \(count) trackers took \(last.vmSteps) SQLite steps, the first \(count) \(first.vmSteps); grown:\n\(grown)")
    }

    @Test func everyPerFileQueryFindsItsRowsThroughAnIndex() throws {
        let city = try Self.city(days: 30)
        defer { city.remove() }
        let plans = Locked<[String: [String]]>([:])
        let problems = Locked<[String]>([])
        // Every statement the job runs for the files from `start` on, and after the last file each one's plan.
        func collect(from start: Int, files: Int) -> @Sendable (Int, KoukaStore) -> Void {
            { index, store in
                if index == start { store.noteStatements() }
                guard index == files else { return }
                for sql in store.statementsNoted.keys {
                    do { let plan = try store.queryPlan(of: sql); plans.update { $0[sql] = plan } } catch { problems.update { $0.append("\(sql): \(error)") } }
                }
            }
        }
        // Files read whole, each compared with the other robot's runs of its day.
        _ = try Self.nightly(city, today: Self.firstDay.adding(days: 30), observe: collect(from: 2, files: 60))
        // The next night a robot's log of the last day has grown, and a copy of a counted file appears.
        let last = Self.firstDay.adding(days: 29)
        try city.write("logs/\(last)_a_Execution.log", Self.log(robot: "a", day: last) + Self.log(robot: "c", day: last))
        try city.write("logs/\(Self.firstDay)_copy_Execution.log", Self.log(robot: "a", day: Self.firstDay))
        let next = try Self.nightly(city, today: last.adding(days: 1), observe: collect(from: 0, files: 61))
        #expect(next.filesAppended == 1)
        #expect(next.filesDuplicate.count == 1)
        #expect(problems.value.isEmpty)
        let all = plans.value
        #expect(all.keys.contains { $0.contains("FROM run_key_sets") }, "the overlap query was run")
        #expect(all.keys.contains { $0.contains("WHERE sha256 = ?") }, "the copy query was run")
        #expect(all.keys.contains { $0.contains("SELECT hashes FROM run_keys WHERE source_id = ? ORDER BY chunk") }, "an append was recorded")
        for (sql, plan) in all {
            let scans = plan.filter { $0.hasPrefix("SCAN") && !$0.hasPrefix("SCAN CONSTANT ROW") }
            #expect(scans.isEmpty, "\(sql)\nscans: \(plan.joined(separator: "; "))")
        }
    }
}

/// A value the job's observer writes and the test reads, behind a lock.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value { lock.withLock { stored } }

    func update(_ body: (inout Value) -> Void) { lock.withLock { body(&stored) } }
}
