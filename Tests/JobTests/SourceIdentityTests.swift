import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// What the built jobs make of files that are not what their names were: an export renamed with a new
/// one at its old name, and a robot's daily log replaced by another with the same first and last bytes.
/// The nightly job must count what the files hold now, and the report must say so, the same night.
struct SourceIdentityTests {
    struct City {
        let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("kouka-identity-\(UUID().uuidString)")
        var config: String { root.appendingPathComponent("kouka.toml").path }

        init(catalog: String, source: String) throws {
            try write("catalog.csv", catalog)
            try write("kouka.toml", "catalog = \"catalog.csv\"\noutput = \"reports\"\n" + source)
        }

        func write(_ name: String, _ text: String) throws {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        /// `mv`, over whatever is at `to`.
        func move(_ from: String, _ to: String) -> Int32 {
            rename(root.appendingPathComponent(from).path, root.appendingPathComponent(to).path)
        }

        func nightly() throws -> JobProcess.Result {
            try JobProcess.run("kouka-nightly", ["--config", config, "--today", "2024-06-01"])
        }

        /// The FY2024 report's JSON, written by `kouka-report`.
        func report() throws -> [String: Any] {
            let run = try JobProcess.run("kouka-report", ["--config", config, "--fiscal-year", "2024", "--quiet", "--generated-at", "2025-04-10T05:00:00+09:00"])
            #expect(run.wroteTheSet, "\(run.stderr)")
            let url = root.appendingPathComponent("reports/FY2024/kouka-FY2024.json")
            return try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    static func hours(_ report: [String: Any]) -> Double? {
        (report["hoursSaved"] as? [String: Any])?["total"] as? Double
    }

    @Test func anExportRenamedWithANewOneAtItsOldNameKeepsItsRunsInTheReport() throws {
        let city = try City(
            catalog: "task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match\nT01,取込,税務課,rpa,runs,30,0,2020-04-01,住民税_*\n",
            source: "[[source]]\nformat = \"power-automate-flowsession\"\npath = \"logs/*.json\"\n")
        defer { city.remove() }
        func runs(_ ids: ClosedRange<Int>) -> String {
            "[" + ids.map { #"{"flowsessionid": "f\#($0)", "name": "住民税_取込", "startedon": "2024-05-0\#($0)T00:00:00Z", "runduration": 60, "statuscode": 4}"# }
                .joined(separator: ",\n") + "]"
        }
        try city.write("logs/export.json", runs(1...3))
        #expect(try city.nightly().exitCode == 0)
        #expect(Self.hours(try city.report()) == 1.5)
        // `mv export.json export-prev.json`, and the next export, which repeats run 3, written as export.json.
        #expect(city.move("logs/export.json", "logs/export-prev.json") == 0)
        try city.write("logs/export.json", runs(3...5))
        let night = try city.nightly()
        let summary = try night.summary()
        #expect((summary["filesDuplicate"] as? [Any])?.isEmpty == true, "\(night.stdout)")
        #expect(summary["rowsRepeated"] as? Int == 1)
        let report = try city.report()
        // f1–f5 once each: 5 runs × 30 min.
        #expect(Self.hours(report) == 2.5)
        #expect((report["exclusions"] as? [String: Any])?["duplicateFiles"] as? Int == 0)
    }

    @Test func aDailyLogReplacedByAnotherWithTheSameEndsIsReadWholeAndSaysSo() throws {
        let city = try City(
            catalog: "task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match\nT01,郵送請求,市民課,rpa,runs,40,10,2020-04-01,住民票郵送請求\n",
            source: "[[source]]\nformat = \"uipath-execution-log\"\npath = \"logs/*_Execution.log\"\n")
        defer { city.remove() }
        // 400 jobs of the robot, 30 min saved each, 64 KiB and more at both ends; in the replacement the 20
        // jobs in the middle are another (unmapped) process whose name is as long.
        func log(middle: String) -> String {
            (0..<400).map { n in
                let process = (190..<210).contains(n) ? middle : "住民票郵送請求"
                let time = String(format: "%02d:%02d", 8 + n / 60, n % 60)
                return #"\#(time):00.0000 Info {"message":"\#(process) execution started","level":"Information","logType":"Default","timeStamp":"2024-05-01T\#(time):00.0000000+09:00","processName":"\#(process)","jobId":"j\#(String(format: "%04d", n))"}"# + "\n"
                    + #"\#(time):30.0000 Info {"message":"\#(process) execution ended","level":"Information","logType":"Default","timeStamp":"2024-05-01T\#(time):30.0000000+09:00","processName":"\#(process)","jobId":"j\#(String(format: "%04d", n))","totalExecutionTimeInSeconds":30}"# + "\n"
            }.joined()
        }
        let file = "logs/2024-05-01_Execution.log"
        try city.write(file, log(middle: "住民票郵送請求"))
        #expect(try city.nightly().exitCode == 0)
        #expect(Self.hours(try city.report()) == 200)
        try city.write("logs/next.tmp", log(middle: "印鑑証明書請求"))
        #expect(city.move("logs/next.tmp", file) == 0)
        let night = try city.nightly()
        let summary = try night.summary()
        #expect(summary["filesAppended"] as? Int == 0)
        #expect(summary["filesRead"] as? Int == 1)
        let doubts = summary["filesInDoubt"] as? [[String: Any]]
        #expect(doubts?.map { $0["path"] as? String } == [file])
        #expect(night.stderr.contains("source file is read whole: it may not be the file read before"), "\(night.stderr)")
        // 380 jobs of the mapped process, 30 min each.
        #expect(Self.hours(try city.report()) == 190)
    }
}
