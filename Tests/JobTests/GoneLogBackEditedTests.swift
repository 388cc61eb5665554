import Foundation
import Testing

/// A counted file removed, a night marking its ledger line `gone` (its figures kept), then put back at its path with other
/// figures for the days it counted: the next night read it whole and counted the new figures with exit 0, listing it only
/// as in doubt, where the same edit with no night between is named with exit 1 (helper-161's csvback.sh and goneback.sh).
/// A file back as it was (a share mounted again, a restore from a backup) gives the figures it gave, and is no finding.
struct GoneLogBackEditedTests {
    static let export = "logs/runs_2024-05.csv"
    static let log = "logs/2024-06-10_Execution.log"

    /// What is put back: a robot's export (`rpa-csv`) or a robot's daily log (UiPath).
    enum Kind: CaseIterable { case export, robotLog }

    /// T1's one run of 100 items on May 1 in `export`, and a June export that stays, so that the source still matches a file
    /// the night the May one is away (else that night exits 1 for the source).
    static func writeExports(_ city: SmallCity) throws {
        try city.write("catalog.csv", """
            task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match
            T1,課税資料取込,税務課,rpa,items,3,1,2020-04-01,T1

            """)
        try city.write("kouka.toml", LogEditedInPlaceTests.configuration)
        try city.write(export, "task,start,status,items\nT1,2024/05/01 10:00:00,ok,100\n")
        try city.write("logs/runs_2024-06.csv", "task,start,status,items\nT1,2024/06/03 10:00:00,ok,50\n")
    }

    /// One UiPath line of job `job` at `time` on `day`.
    static func line(_ job: String, on day: String, _ time: String, _ message: String, extra: String = "") -> String {
        let fields = [#""message":"\#(message)""#, #""level":"Information""#, #""logType":"Default""#, #""timeStamp":"\#(day)T\#(time)+09:00""#,
                      #""processName":"住民税_課税資料取込""#, #""jobId":"\#(job)""#] + (extra.isEmpty ? [] : [extra])
        return "\(time).0000 Info {\(fields.joined(separator: ","))}\n"
    }

    /// Job `job`'s run of ten minutes from `hour` o'clock on `day`.
    static func run(_ job: String, on day: String = "2024-06-10", _ hour: String) -> String {
        line(job, on: day, "\(hour):00:00", "住民税_課税資料取込 execution started")
            + line(job, on: day, "\(hour):10:00", "住民税_課税資料取込 execution ended", extra: #""totalExecutionTimeInSeconds":600"#)
    }

    /// June 10's log, its day long over when the nights run, and June 11's, which stays.
    static func writeLogs(_ city: SmallCity) throws {
        try city.write("catalog.csv", """
            task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match
            T01,住民税課税資料の取込,税務課,rpa,runs,60,10,2020-04-01,住民税_課税資料取込

            """)
        try city.write("kouka.toml", "catalog = \"catalog.csv\"\noutput = \"reports\"\n[[source]]\nformat = \"uipath-execution-log\"\npath = \"logs/*_Execution.log\"\n")
        try city.write(log, run("j1", "09"))
        try city.write("logs/2024-06-11_Execution.log", run("j9", on: "2024-06-11", "13"))
    }

    /// Reads the city's files (exit 0), moves `name` out of the sources and runs the night that marks its line gone (exit 0,
    /// its figures kept); where it lies now.
    static func readThenTakeAway(_ city: SmallCity, _ name: String) throws -> URL {
        #expect(try city.nightly().exitCode == 0)
        let away = city.root.appendingPathComponent("away")
        try FileManager.default.moveItem(at: city.root.appendingPathComponent(name), to: away)
        let night = try city.nightly()
        #expect(night.exitCode == 0, "\(night.stdout)")
        #expect(try night.summary()["filesGone"] as? [String] == [name])
        return away
    }

    @Test func anExportBackWithOtherFiguresIsNamed() throws {
        let city = try SmallCity("gone-export-back-edited")
        defer { city.remove() }
        try Self.writeExports(city)
        _ = try Self.readThenTakeAway(city, Self.export)
        // Put back with May 1's 100 items made 900: the day its gone line counts.
        try city.write(Self.export, "task,start,status,items\nT1,2024/05/01 10:00:00,ok,900\n")
        let night = try city.nightly()
        #expect(night.exitCode == 1, "\(night.stdout)")
        let restated = try night.summary()["filesRestatingDays"] as? [[String: Any]] ?? []
        #expect(restated.map { $0["path"] as? String } == [Self.export])
        #expect((restated.first?["reason"] as? String)?.contains("2024-05-01 T1 success items: 1 run(s), 100 → 1 run(s), 900") == true, "\(restated)")
    }

    /// A run added at the end of June 10's log while it was away, its day over when it was read: named as lines added to a
    /// robot's log of a day that is over, as a log that never left is when read on. Moved back, the file keeps the inode and
    /// birth time that were read, and only its bytes tell; written again, it stands at its path under a new inode.
    @Test(arguments: [false, true])
    func aPastDaysLogBackWithARunAddedIsNamed(movedBack: Bool) throws {
        let city = try SmallCity("gone-log-back-grown")
        defer { city.remove() }
        try Self.writeLogs(city)
        let away = try Self.readThenTakeAway(city, Self.log)
        if movedBack {
            let handle = try FileHandle(forWritingTo: away)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(Self.run("j2", "11").utf8))
            try handle.close()
            try FileManager.default.moveItem(at: away, to: city.root.appendingPathComponent(Self.log))
        } else {
            try city.write(Self.log, Self.run("j1", "09") + Self.run("j2", "11"))
        }
        let night = try city.nightly()
        #expect(night.exitCode == 1, "\(night.stdout)")
        let rewritten = try night.summary()["robotLogsRewritten"] as? [[String: Any]] ?? []
        #expect(rewritten.map { $0["path"] as? String } == [Self.log])
        #expect((rewritten.first?["reason"] as? String)?.contains("lines were added to a robot's log of 2024-06-10") == true, "\(rewritten)")
    }

    /// Put back with the bytes it was read with: moved back (a share mounted again, the same inode) or a copy restored from a
    /// backup (a new inode). Its figures are those its gone line counts: no restatement, nothing rewritten, exit 0.
    @Test(arguments: Kind.allCases, [false, true])
    func aFileBackUnchangedIsNoFinding(kind: Kind, restoredCopy: Bool) throws {
        let city = try SmallCity("gone-file-back-unchanged")
        defer { city.remove() }
        let name = kind == .export ? Self.export : Self.log
        if kind == .export { try Self.writeExports(city) } else { try Self.writeLogs(city) }
        let away = try Self.readThenTakeAway(city, name)
        if restoredCopy {
            try Data(contentsOf: away).write(to: city.root.appendingPathComponent(name))
        } else {
            try FileManager.default.moveItem(at: away, to: city.root.appendingPathComponent(name))
        }
        let night = try city.nightly()
        #expect(night.exitCode == 0, "\(night.stdout)")
        let summary = try night.summary()
        for notice in ["filesRestatingDays", "robotLogsRewritten", "filesLosingRuns"] {
            #expect((summary[notice] as? [[String: Any]] ?? []).isEmpty, "\(notice): \(summary[notice] ?? [])")
        }
        #expect(summary["filesRead"] as? Int == 1)
    }
}
