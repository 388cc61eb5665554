import Foundation
import Testing

/// The report formats people open: the workbook read by an independent reader, the HTML with hostile
/// names, the monthly report, money, Shift_JIS CSV — and `kouka-audit`'s verdicts.
@Suite(.serialized) struct ReportFormatsTests {
    let root: URL
    let fixed = ["--generated-at", "2025-04-10T05:00:00+09:00"]

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-formats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("logs"), withIntermediateDirectories: true)
        // A task name and a robot name written to inject HTML and an Excel formula.
        try write("catalog.csv", """
            task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match
            T01,<script>alert('x')</script>,税務課,rpa,runs,180,15,2020-04-01,住民税_*
            T02,=1+1 転入届,市民課,rpa,runs,60,6,2020-04-01,=HYPERLINK("http://x")

            """)
        try write("kouka.toml", """
            catalog = "catalog.csv"
            output = "reports"
            [[source]]
            format = "power-automate-flowsession"
            path = "logs/*.json"
            [targets.2024]
            rpa_hours = 8
            ai_tasks = 0
            new_systems = 0
            [targets.2023]
            rpa_hours = 100
            [money]
            hourly_staff_cost_yen = 3000
            [money.licence_yen]
            rpa = 12000
            """)
        func run(_ name: String, _ day: String) -> String {
            #"{"name": "\#(name)", "startedon": "\#(day)T00:00:00Z", "completedon": "\#(day)T00:10:00Z", "runduration": 600, "statuscode": 4}"#
        }
        try write("logs/flows.json", "[" + [
            run("住民税_課税", "2024-05-01"), run("住民税_課税", "2024-05-02"), run("住民税_課税", "2024-06-03"),
            run("=HYPERLINK(\\\"http://x\\\")", "2024-06-04"), run("住民税_課税", "2023-05-01"),
        ].joined(separator: ",\n") + "]")
        #expect(try JobProcess.run("kouka-nightly", ["--config", config, "--quiet"]).exitCode == 0)
    }

    func write(_ name: String, _ text: String) throws { try Data(text.utf8).write(to: root.appendingPathComponent(name)) }
    var config: String { root.appendingPathComponent("kouka.toml").path }

    func reportJSON(_ folder: String, _ stem: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("reports/\(folder)/\(stem).json"))) as? [String: Any] ?? [:]
    }

    @Test func theWorkbookHoldsTheJSONsFiguresAsNumbersWithFrozenHeaders() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try JobProcess.run("kouka-report", ["--config", config, "--fiscal-year", "2024", "--quiet"] + fixed).exitCode == 0)
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        reader.arguments = ["python3", URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Support/read_xlsx.py").path,
                            root.appendingPathComponent("reports/FY2024/kouka-FY2024.xlsx").path]
        let pipe = Pipe()
        reader.standardOutput = pipe
        try reader.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        reader.waitUntilExit()
        #expect(reader.terminationStatus == 0)
        let book = try #require(try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])
        #expect(Array(book.keys).sorted() == ["AI活用業務", "ログ", "単位不一致", "月別", "未登録の名前", "業務カタログ", "業務別", "概要", "課別", "課別ツール別",
                                              "期間推移", "システム導入", "ツール評価"].sorted())
        // The policy period (issue 16): each year's RPA hours as numbers, the JSON's own figures.
        let period = try #require(book["期間推移"]?["cells"] as? [[Any?]])
        let jsonPeriod = try #require((try reportJSON("FY2024", "kouka-FY2024")["policyPeriod"] as? [String: Any])?["years"] as? [[String: Any]])
        #expect(period.count == 6)
        for (row, year) in zip(period.dropFirst(), jsonPeriod) where year["rpaHours"] != nil {
            #expect(row[3] as? Double == year["rpaHours"] as? Double, "\(year["label"] ?? "")")
        }
        let review = try #require(book["ツール評価"]?["cells"] as? [[Any?]])
        #expect(review.first?.suffix(2).compactMap { $0 as? String } == ["令和5年度", "令和6年度"], "the policy's years with data, side by side")
        #expect(review.contains { $0.count > 5 && $0[2] as? String == "実行回数" && $0[4] as? Double == 1 && $0[5] as? Double == 4 })
        for sheet in book.values { #expect(sheet["frozen"] as? String == "A2") }
        let json = try reportJSON("FY2024", "kouka-FY2024")
        let tasks = try #require(book["業務別"]?["cells"] as? [[Any?]])
        let jsonTasks = try #require(json["tasks"] as? [[String: Any]])
        #expect(tasks.count == jsonTasks.count + 1)
        for (row, task) in zip(tasks.dropFirst(), jsonTasks) {
            #expect(row[0] as? String == task["task"] as? String)
            #expect(row[1] as? String == task["name"] as? String, "text stays text, even one that looks like a formula")
            #expect(row[5] as? Double == Double(task["successes"] as? Int ?? -1))
            #expect(row[9] as? Double == task["hoursSaved"] as? Double)
        }
        let summary = try #require(book["概要"]?["cells"] as? [[Any?]])
        let total = summary.first { $0.first as? String == "削減時間（時間）: 合計" }
        #expect(total?[1] as? Double == (json["hoursSaved"] as? [String: Any])?["total"] as? Double)
        // Every list of the JSON has its sheet, line for line.
        for (sheet, key) in [("AI活用業務", "aiTasks"), ("未登録の名前", "unmapped"), ("単位不一致", "unitMismatches")] {
            let rows = try #require(book[sheet]?["cells"] as? [[Any?]])
            #expect(rows.count == ((json[key] as? [Any])?.count ?? -1) + 1, "\(sheet)")
        }
        let catalogRows = try #require(book["業務カタログ"]?["cells"] as? [[Any?]])
        #expect(catalogRows.count == (((json["catalog"] as? [String: Any])?["rows"] as? [Any])?.count ?? -1) + 1)
    }

    @Test func theHTMLEscapesNamesFromLogsAndTheCSVDefusesFormulas() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try JobProcess.run("kouka-report", ["--config", config, "--fiscal-year", "2024", "--quiet", "--csv-shift-jis"] + fixed).exitCode == 0)
        let html = try String(contentsOf: root.appendingPathComponent("reports/FY2024/kouka-FY2024.html"), encoding: .utf8)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(!html.contains("src=\"http"), "nothing is loaded from outside")
        #expect(html.contains("<svg"))
        #expect(html.contains("令和6年度"))
        let csv = try String(contentsOf: root.appendingPathComponent("reports/FY2024/kouka-FY2024-tasks.csv"), encoding: .utf8)
        #expect(csv.contains("'=1+1 転入届"), "a name Excel would run as a formula is prefixed with a quote")
        let sjis = try Data(contentsOf: root.appendingPathComponent("reports/FY2024/kouka-FY2024-tasks-sjis.csv"))
        #expect(String(data: sjis, encoding: .shiftJIS)?.contains("住民税") != true, "task names are the catalog's")
        #expect(String(data: sjis, encoding: .shiftJIS)?.contains("税務課") == true)
    }

    @Test func aMonthlyReportHasTheMonthsFiguresAndMoneyIsStated() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try JobProcess.run("kouka-report", ["--config", config, "--month", "2024-05", "--quiet"] + fixed).exitCode == 0)
        #expect(try JobProcess.run("kouka-report", ["--config", config, "--fiscal-year", "2024", "--quiet"] + fixed).exitCode == 0)
        let month = try reportJSON("2024-05", "kouka-2024-05")
        #expect(month["label"] as? String == "令和6年5月")
        #expect(month["period"] as? String == "month")
        // Two runs of T01 in May: 2 × (180 − 15) = 330 min = 5.5 h.
        #expect((month["hoursSaved"] as? [String: Any])?["total"] as? Double == 5.5)
        let year = try reportJSON("FY2024", "kouka-FY2024")
        let may = (year["months"] as? [[String: Any]])?.first { $0["month"] as? String == "2024-05" }
        #expect(may?["hoursSaved"] as? Double == 5.5)
        // The year: 3 × 165 + 54 = 549 min = 9.15 h; at 3,000 yen an hour 27,450 yen, less 12,000 yen of licences.
        let money = try #require(year["money"] as? [String: Any])
        #expect(money["savedYen"] as? Double == 27_450)
        #expect(money["netYen"] as? Double == 15_450)
        let monthMoney = try #require(month["money"] as? [String: Any])
        #expect(monthMoney["licenceYen"] as? Double == 1_000, "a month bears a twelfth of the yearly licences")
        // Departments compared with the year before: 税務課 saved 2.75 h in FY2023.
        let tax = (year["departments"] as? [[String: Any]])?.first { $0["department"] as? String == "税務課" }
        #expect(tax?["previousYearHours"] as? Double == 2.75)
        #expect(tax?["change"] as? Double == 5.5)
        #expect(tax?["rank"] as? Int == 1)
        // The tool review: the month beside the year to date, and the policy's years side by side.
        let monthReview = try #require(month["review"] as? [String: Any])
        #expect(monthReview["columns"] as? [String] == ["令和6年5月", "令和6年度累計（4月〜5月）"])
        let rpa = try #require((monthReview["sections"] as? [[String: Any]])?.first { $0["system"] as? String == "rpa" })
        let overall = try #require((rpa["tables"] as? [[String: Any]])?.first { $0["id"] as? String == "rpa-overall" }?["rows"] as? [[String: Any]])
        #expect(overall.first { $0["key"] as? String == "runs" }?["values"] as? [Double] == [2, 2])
        // 1,000 yen ÷ 5.5 h in May; two months' licence, 2,000 yen, ÷ 5.5 h to the end of May.
        let cost = overall.first { $0["key"] as? String == "licence-per-hour-saved" }?["values"] as? [Double]
        #expect(cost.map { $0.map { ($0 * 100).rounded() / 100 } } == [181.82, 363.64])
        let yearReview = try #require(year["review"] as? [String: Any])
        #expect(yearReview["columns"] as? [String] == ["令和5年度", "令和6年度"])
        let verdict = (yearReview["sections"] as? [[String: Any]])?.first { $0["system"] as? String == "rpa" }?["verdict"] as? [String: Any]
        #expect(verdict?["label"] as? String == "継続")
        #expect((verdict?["notApplied"] as? [String])?.contains { $0.contains("10 回以上") } == true, "3 runs are too few to judge a failure rate")
    }

    @Test func auditExitsZeroForAYearThatMeetsItsTargetsAndOneForAYearThatMisses() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let met = try JobProcess.run("kouka-audit", ["--config", config, "--fiscal-year", "2024", "--quiet"])
        #expect(met.exitCode == 0, "FY2024: 9.15 h against 8, no AI target")
        #expect(try met.summary()["allMet"] as? Bool == true)
        let missed = try JobProcess.run("kouka-audit", ["--config", config, "--fiscal-year", "2023", "--quiet"])
        #expect(missed.exitCode == 1, "FY2023: 2.75 h against 100")
        let table = try JobProcess.run("kouka-audit", ["targets", "--config", config, "--fiscal-year", "2023", "--table", "--quiet"])
        #expect(table.stdout.contains("令和5年度\tRPAによる削減時間（時間）\t100.00\t2.75\t未達成"))
    }

    @Test func verifyCatchesASourceChangedAfterIngestAndAnEditedReport() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try JobProcess.run("kouka-report", ["--config", config, "--fiscal-year", "2024", "--quiet"] + fixed).exitCode == 0)
        let clean = try JobProcess.run("kouka-audit", ["verify", "--config", config, "--quiet"])
        #expect(clean.exitCode == 0, "\(clean.stdout)")
        #expect(try clean.summary()["filesChecked"] as? Int == 1)

        // An edited report: its total no longer follows from the sources.
        let reportURL = root.appendingPathComponent("reports/FY2024/kouka-FY2024.json")
        let edited = try String(contentsOf: reportURL, encoding: .utf8).replacingOccurrences(of: "\"total\" : 9.15", with: "\"total\" : 19.15")
            .replacingOccurrences(of: "\"rpa\" : 9.15", with: "\"rpa\" : 19.15")
        try Data(edited.utf8).write(to: reportURL)
        let reportCheck = try JobProcess.run("kouka-audit", ["verify", "--config", config, "--quiet"])
        #expect(reportCheck.exitCode == 1)
        #expect(reportCheck.stdout.contains("written-report"))

        // A source changed after it was read.
        let log = root.appendingPathComponent("logs/flows.json")
        let changed = try String(contentsOf: log, encoding: .utf8).replacingOccurrences(of: "2024-06-03", with: "2024-06-13")
        try Data(changed.utf8).write(to: log)
        let fileCheck = try JobProcess.run("kouka-audit", ["verify", "--config", config, "--quiet"])
        #expect(fileCheck.exitCode == 1)
        let differences = try fileCheck.summary()["differences"] as? [[String: Any]] ?? []
        #expect(differences.contains { $0["kind"] as? String == "changed-file" && $0["subject"] as? String == "logs/flows.json" })
    }
}
