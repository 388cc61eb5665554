import Foundation
import Testing

/// Issue 12 item 6, through the built jobs: `kouka-audit rejects --fiscal-year N` lists the rows left out of
/// year N (those dated in it), the rows whose date is unknown and the files rejected whole or unreadable
/// (these in every year), as JSON and as a table; and each year's report counts a rejected row in the year
/// of its own date, not in every year its file has figures in.
@Suite(.serialized) struct RejectsAuditJobTests {
    static let catalog = """
        task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,rework_minutes_per_failure,valid_from,match
        T1,住民票の郵送請求,市民課,rpa,runs,60,0,,2020-04-01,住民票郵送

        """

    static let configuration = """
        catalog = "catalog.csv"
        output = "reports"
        [[source]]
        format = "rpa-csv"
        path = "logs/*.csv"
        [source.columns]
        task = "ロボット名"
        start = "開始日時"
        status = "結果"
        [source.values]
        success = ["正常終了"]
        """

    /// runs.csv: good runs in FY2022 and FY2024; rejected rows dated in FY2022 (line 3), FY2024 (line 5) and
    /// FY2023 (line 7, 23:59:59 on March 31, 2024); rows whose date is unknown: not a date (line 6) and 1999,
    /// before any run Kouka counts (line 8). old.csv: FY2022 only. broken.csv lacks a column (rejected
    /// whole); folder.csv is a folder (unreadable).
    static func city() throws -> SmallCity {
        let city = try SmallCity("rejects")
        try city.write("catalog.csv", Self.catalog)
        try city.write("kouka.toml", Self.configuration)
        try city.write("logs/runs.csv", """
            ロボット名,開始日時,結果
            住民票郵送,2022/06/01 09:00:00,正常終了
            住民票郵送,2022/06/02 09:00:00,不明
            住民票郵送,2024/06/01 09:00:00,正常終了
            住民票郵送,2024/06/02 09:00:00,不明
            住民票郵送,昨日,正常終了
            住民票郵送,2024/03/31 23:59:59,不明
            住民票郵送,1999/06/01 09:00:00,不明

            """)
        try city.write("logs/old.csv", """
            ロボット名,開始日時,結果
            住民票郵送,2022/07/01 09:00:00,正常終了
            住民票郵送,2022/07/02 09:00:00,保留

            """)
        try city.write("logs/broken.csv", "ロボット名,結果\n住民票郵送,正常終了\n")
        try FileManager.default.createDirectory(at: city.root.appendingPathComponent("logs/folder.csv"), withIntermediateDirectories: true)
        return city
    }

    static func rejects(_ city: SmallCity, _ fiscalYear: Int, table: Bool = false) throws -> JobProcess.Result {
        try JobProcess.run("kouka-audit", ["rejects", "--config", city.config, "--fiscal-year", "\(fiscalYear)", "--quiet"] + (table ? ["--table"] : []))
    }

    /// The rows of a summary's list as `file:line:day`.
    static func rows(_ summary: [String: Any], _ key: String) -> [String] {
        (summary[key] as? [[String: Any]] ?? []).map { "\($0["file"] as? String ?? "?"):\($0["line"] as? Int ?? -1):\($0["day"] as? String ?? "unknown")" }
    }

    @Test func aYearListsItsOwnRowsAndEveryYearTheUndatedRowsAndTheFilesLeftOutWhole() throws {
        let city = try Self.city()
        defer { city.remove() }
        #expect(try city.nightly().exitCode == 1)

        let result = try Self.rejects(city, 2024)
        #expect(result.exitCode == 1, "rows left out are findings: \(result.stdout)")
        let summary = try result.summary()
        #expect(summary["job"] as? String == "kouka-audit rejects")
        #expect(summary["fiscalYear"] as? Int == 2024)
        #expect(Self.rows(summary, "rows") == ["logs/runs.csv:5:2024-06-02"])
        let row = try #require((summary["rows"] as? [[String: Any]])?.first)
        #expect(row["fiscalYear"] as? Int == 2024)
        #expect(row["repeatedRun"] as? Bool == false)
        #expect((row["reason"] as? String)?.contains("結果") == true, "\(row)")
        #expect(Self.rows(summary, "rowsDateUnknown") == ["logs/runs.csv:6:unknown", "logs/runs.csv:8:unknown"])
        let files = summary["files"] as? [[String: Any]] ?? []
        #expect(files.map { "\($0["file"] as? String ?? "?"):\($0["status"] as? String ?? "?")" } == ["logs/broken.csv:rejected", "logs/folder.csv:unreadable"])
        #expect((files.first?["reason"] as? String)?.contains("開始日時") == true)
        #expect((files.last?["reason"] as? String)?.contains("folder") == true)

        // The other years list their own rows, and the same undated rows and files.
        for (year, rows) in [2022: ["logs/old.csv:3:2022-07-02", "logs/runs.csv:3:2022-06-02"], 2023: ["logs/runs.csv:7:2024-03-31"]] {
            let other = try Self.rejects(city, year).summary()
            #expect(Self.rows(other, "rows") == rows, "FY\(year)")
            #expect(Self.rows(other, "rowsDateUnknown") == ["logs/runs.csv:6:unknown", "logs/runs.csv:8:unknown"], "FY\(year)")
            #expect((other["files"] as? [[String: Any]])?.count == 2, "FY\(year)")
        }

        // The table shows the same, one line each.
        let table = try Self.rejects(city, 2024, table: true)
        #expect(table.exitCode == 1)
        let lines = table.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 6, "\(table.stdout)")
        #expect(lines.first == "年度\t区分\tファイル\t行\t日付\t理由")
        #expect(lines.filter { $0.contains("\t除外行\t") }.map { $0.split(separator: "\t").prefix(5).joined(separator: "|") }
            == ["令和6年度|除外行|logs/runs.csv|5|2024-06-02"])
        #expect(lines.filter { $0.contains("\t除外行（日付不明）\t") }.map { $0.split(separator: "\t")[3] } == ["6", "8"])
        #expect(lines.contains { $0.hasPrefix("令和6年度\t形式違いのファイル\tlogs/broken.csv\t") })
        #expect(lines.contains { $0.hasPrefix("令和6年度\t読めないファイル\tlogs/folder.csv\t") })
    }

    @Test func eachYearsReportCountsTheRejectedRowsOfItsOwnDates() throws {
        let city = try Self.city()
        defer { city.remove() }
        _ = try city.nightly()

        func sources(_ json: [String: Any]) -> [String: [String: Any]] {
            var lines: [String: [String: Any]] = [:]
            for line in json["sources"] as? [[String: Any]] ?? [] { lines[line["path"] as? String ?? ""] = line }
            return lines
        }
        let fy2024 = try city.report(2024).json
        let runs2024 = try #require(sources(fy2024)["logs/runs.csv"])
        // Of runs.csv's five rejected rows: the FY2024 one in FY2024, the two undated ones apart.
        #expect(runs2024["rejected"] as? Int == 1, "\(runs2024)")
        #expect(runs2024["rejectedDateUnknown"] as? Int == 2)
        #expect(runs2024["rows"] as? Int == 7, "the file's rows are the whole file's")
        #expect(sources(fy2024)["logs/old.csv"] == nil, "a file with nothing of FY2024 is not among its sources")
        let exclusions = try #require(fy2024["exclusions"] as? [String: Any])
        #expect(exclusions["rejectedRows"] as? Int == 1)
        #expect(exclusions["rejectedRowsDateUnknown"] as? Int == 2)

        let fy2022 = try city.report(2022).json
        #expect(sources(fy2022)["logs/runs.csv"]?["rejected"] as? Int == 1)
        #expect(sources(fy2022)["logs/old.csv"]?["rejected"] as? Int == 1)
        #expect((fy2022["exclusions"] as? [String: Any])?["rejectedRows"] as? Int == 2)
        #expect((fy2022["exclusions"] as? [String: Any])?["rejectedRowsDateUnknown"] as? Int == 2)

        // FY2023 has no run, only a rejected row: the file is listed for it.
        let fy2023 = try city.report(2023).json
        #expect(sources(fy2023)["logs/runs.csv"]?["rejected"] as? Int == 1)
        #expect((fy2023["exclusions"] as? [String: Any])?["rejectedRows"] as? Int == 1)
    }

    @Test func aYearWithNothingLeftOutExitsZero() throws {
        let city = try SmallCity("rejects-none")
        defer { city.remove() }
        try city.write("catalog.csv", Self.catalog)
        try city.write("kouka.toml", Self.configuration)
        try city.write("logs/runs.csv", "ロボット名,開始日時,結果\n住民票郵送,2024/06/01 09:00:00,正常終了\n")
        #expect(try city.nightly().exitCode == 0)
        let result = try Self.rejects(city, 2024)
        #expect(result.exitCode == 0, "\(result.stdout)")
        let summary = try result.summary()
        #expect(Self.rows(summary, "rows").isEmpty)
        #expect(Self.rows(summary, "rowsDateUnknown").isEmpty)
        #expect((summary["files"] as? [[String: Any]])?.isEmpty == true)
        let table = try Self.rejects(city, 2024, table: true)
        #expect(table.exitCode == 0)
        #expect(table.stdout == "年度\t区分\tファイル\t行\t日付\t理由\n")
    }

    @Test(.enabled(if: StoreSurgery.available)) func aStoreThatCannotBeReadIsNeverListedAsNothingLeftOut() throws {
        let city = try SmallCity("rejects-store")
        defer { city.remove() }
        try city.write("catalog.csv", Self.catalog)
        try city.write("kouka.toml", Self.configuration)
        try city.write("logs/runs.csv", "ロボット名,開始日時,結果\n住民票郵送,2024/06/02 09:00:00,不明\n")
        _ = try city.nightly()
        // A day that is not a date would put the row in no year and among no undated rows.
        let database = city.root.appendingPathComponent("kouka.sqlite").path
        try StoreSurgery.run(database, "UPDATE rejects SET day = '2024-6-2'")
        let result = try Self.rejects(city, 2024)
        #expect(result.exitCode == 65, "\(result.stdout)")
        #expect(try result.summary()["rows"] == nil)
        #expect(result.stdout.contains("rejects"), "the table is named: \(result.stdout)")
    }
}
