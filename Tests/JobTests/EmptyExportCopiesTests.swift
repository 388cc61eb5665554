import Foundation
import Testing

/// Exports of days without runs are their header alone, byte for byte the same every quiet day: each is a copy of the first,
/// and counts nothing either way. Named as copies, every quiet night exited 1 for nothing; a copy of an export that holds
/// runs is still named.
@Suite(.serialized) struct EmptyExportCopiesTests {
    typealias City = UnfinishedRunEndedLaterTests.City

    static func duplicates(_ summary: [String: Any]) -> [String] {
        (summary["filesDuplicate"] as? [[String: Any]])?.compactMap { $0["path"] as? String } ?? []
    }

    @Test func quietDaysExportsAreNotNamedAsCopies() throws {
        let city = try City()
        defer { city.remove() }
        for day in 1...3 {
            try city.export("day-\(day).csv", [])
            let night = try city.nightly()
            #expect(night["exitCode"] as? Int == 0, "\(night)")
            #expect(Self.duplicates(night).isEmpty)
        }
        // A copy of an export that holds runs is a copy worth a look.
        let runs: [(String, String, Int)] = [("t1", "FINISH", 1)]
        try city.export("day-4.csv", runs)
        try city.export("day-5.csv", runs)
        let copied = try city.nightly()
        #expect(copied["exitCode"] as? Int == 1)
        #expect(Self.duplicates(copied) == ["logs/day-5.csv"])
        let task = try city.task()
        #expect(task["successes"] as? Int == 1)
        #expect(try city.verify().code == 0)
    }

    /// An export holding only a run still running, saved over by a quiet day's export (its header alone, the bytes of
    /// another quiet export, there or deleted): the file is a copy, counts nothing, and is not named as one, but the run it
    /// held is in no file Kouka reads now and is named (helper-83: 0.5.3's first builds dropped it without a word, exit 0).
    @Test(arguments: [false, true]) func aQuietCopyOverARunStillRunningNamesTheRun(quietDeleted: Bool) throws {
        let city = try SmallCity("quiet-copy-over-waiting")
        defer { city.remove() }
        try city.write("catalog.csv", """
            task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,rework_minutes_per_failure,valid_from,match
            T05,転入届,市民課,rpa,runs,60,10,30,2020-04-01,転入届入力

            """)
        try city.write("kouka.toml", """
            timezone = "Asia/Tokyo"
            catalog = "catalog.csv"
            output = "reports"
            [nightly]
            pending_max_hours = 24
            [[source]]
            format = "rpa-csv"
            path = "logs/*.csv"
            [source.columns]
            task = "robot"
            start = "start"
            status = "result"
            run_id = "id"
            [source.values]
            success = ["ok"]
            failure = ["ng"]
            unfinished = ["running"]
            """)
        let header = "id,robot,start,result\n"
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Tokyo")
        formatter.dateFormat = "yyyy/MM/dd HH:mm:ss"
        let started = formatter.string(from: Date().addingTimeInterval(-30 * 60))
        try city.write("logs/q.csv", header)
        try city.write("logs/x.csv", header + "5,転入届入力,\(started),running\n")
        #expect(try city.nightly().exitCode == 0)
        if quietDeleted {
            try FileManager.default.removeItem(at: city.root.appendingPathComponent("logs/q.csv"))
            #expect(try city.nightly().exitCode == 0)
        }
        try city.write("logs/x.csv", header)
        let savedOver = try city.nightly()
        #expect(savedOver.exitCode == 1, "\(savedOver.stdout)")
        let losing = try savedOver.summary()["filesLosingRuns"] as? [[String: Any]]
        #expect(losing?.compactMap { $0["path"] as? String } == ["logs/x.csv"])
        #expect((losing?.first?["reason"] as? String)?.contains("it no longer holds 1 run(s) it held still running") == true)
        #expect((try savedOver.summary()["filesDuplicate"] as? [Any])?.isEmpty == true)
        #expect(try JobProcess.run("kouka-audit", ["verify", "--config", city.config]).exitCode == 0)
    }
}
