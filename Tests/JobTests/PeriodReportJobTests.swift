import Foundation
import Testing

/// `kouka-report --period 2021-2025` through the built executable: its own report set in every format, and
/// a systems register with bad rows stops the report (exit 65) naming every line.
@Suite(.serialized) struct PeriodReportJobTests {
    let root: URL
    var config: String { root.appendingPathComponent("kouka.toml").path }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-period-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("logs"), withIntermediateDirectories: true)
        try write("catalog.csv", """
            task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match,production_from,expected_units_per_year
            T01,住民税課税資料の取込,税務課,rpa,runs,180,15,2020-04-01,住民税_*,,
            T02,口座振替照合,会計課,rpa,runs,70,10,2024-04-01,口座振替照合,2025-07-01,240

            """)
        try write("systems.csv", "system,department,kind,go_live,evidence\n子育て申請,子育て支援課,電子申請,2024-10-01,決定 R6-2\n")
        try write("kouka.toml", """
            catalog = "catalog.csv"
            systems = "systems.csv"
            output = "reports"
            [[source]]
            format = "power-automate-flowsession"
            path = "logs/*.json"
            """)
        try write("logs/flows.json", #"[{"name": "住民税_課税", "startedon": "2024-05-01T00:00:00Z", "completedon": "2024-05-01T00:10:00Z", "runduration": 600, "statuscode": 4}]"#)
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(name))
    }

    /// The nightly run, then a report of each of `periods` (`["--fiscal-year", "2024"]`), made as of `today` when given.
    func nightlyAndReports(_ periods: [[String]], today: String? = nil) throws {
        #expect(try JobProcess.run("kouka-nightly", ["--config", config]).exitCode == 0)
        for period in periods {
            #expect(try JobProcess.run("kouka-report", ["--config", config, "--quiet"] + (today.map { ["--today", $0] } ?? []) + period).exitCode == 0)
        }
    }

    /// `kouka-audit verify`'s exit code and the differences it names.
    func verify() throws -> (code: Int32, differences: [[String: Any]]) {
        let result = try JobProcess.run("kouka-audit", ["verify", "--config", config])
        return (result.exitCode, try result.summary()["differences"] as? [[String: Any]] ?? [])
    }

    /// Verify checks a written period report too: its other files must be what its JSON renders to, and each year that was
    /// over must have the store's figures. Edited with SHA256SUMS made again, each is named.
    @Test func verifyNamesAnEditedPeriodReport() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try JobProcess.run("kouka-nightly", ["--config", config]).exitCode == 0)
        #expect(try JobProcess.run("kouka-report", ["--config", config, "--period", "2021-2025", "--today", "2025-04-01", "--quiet"]).exitCode == 0)
        let folder = root.appendingPathComponent("reports/period-2021-2025")
        func verify() throws -> (code: Int32, differences: [[String: Any]]) {
            let sums = try JobProcess.run(executable: "/bin/sh", ["-c", "cd '\(folder.path)' && sha256sum $(ls | grep -v SHA256SUMS) > SHA256SUMS"])
            #expect(sums.exitCode == 0)
            let result = try JobProcess.run("kouka-audit", ["verify", "--config", config])
            return (result.exitCode, try result.summary()["differences"] as? [[String: Any]] ?? [])
        }
        let honest = try verify()
        #expect(honest.code == 0, "\(honest.differences)")
        let markdown = folder.appendingPathComponent("kouka-period-2021-2025.md")
        let original = try Data(contentsOf: markdown)
        try Data(String(decoding: original, as: UTF8.self).replacingOccurrences(of: "2.75", with: "27.50").utf8).write(to: markdown)
        let edited = try verify()
        #expect(edited.code == 1)
        #expect(edited.differences.map { $0["subject"] as? String ?? "" }.map { ($0 as NSString).lastPathComponent } == ["kouka-period-2021-2025.md"])
        try original.write(to: markdown)
        // FY2024's RPA hours raised in the JSON: the store's FY2024 gives 2.75.
        let jsonFile = folder.appendingPathComponent("kouka-period-2021-2025.json")
        let text = try String(contentsOf: jsonFile, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\"rpaHours\" : 2.75", with: "\"rpaHours\" : 275").utf8).write(to: jsonFile)
        let figure = try verify()
        #expect(figure.code == 1)
        let named = figure.differences.first { $0["field"] as? String == "table.years[2024].rpaHours" }
        #expect(named?["found"] as? String == "275.0" && named?["expected"] as? String == "2.75", "\(figure.differences)")
    }

    /// Reports made before a system's go-live state it as planned (見込み): once the day has passed, verify still finds them
    /// as the store gives them as of the day they state (helper-85's verify-false-alarm-new-systems.sh named both as
    /// edited), and a count edited in one is still named.
    @Test func aReportMadeBeforeAGoLiveStillVerifiesAfterIt() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try nightlyAndReports([["--fiscal-year", "2024"], ["--month", "2024-09"]], today: "2024-10-01")
        let year = root.appendingPathComponent("reports/FY2024/kouka-FY2024.json")
        let written = try JSONSerialization.jsonObject(with: Data(contentsOf: year)) as? [String: Any]
        let line = (written?["targets"] as? [[String: Any]])?.first { $0["metric"] as? String == "new-systems" }
        #expect(line?["actual"] as? Double == 0)
        #expect((written?["newSystems"] as? [String: Any])?["planned"] as? Int == 1)
        let honest = try verify()
        #expect(honest.code == 0, "\(honest.differences)")
        // The year's new systems raised to the register's count as of today, its files made to agree.
        let text = try String(contentsOf: year, encoding: .utf8)
        let raised = text.replacingOccurrences(of: #""actual" : 0,"#, with: #""actual" : 1,"#)
        #expect(raised != text)
        try Data(raised.utf8).write(to: year)
        #expect(try verify().code == 1)
    }

    /// helper-123: the new systems' line of a yearly JSON (`newSystems`: its count, verdict and planned systems) and of a period
    /// JSON (`newSystems[…]`) restates more than the targets table shows, and edited there, with SHA256SUMS made again, it
    /// passed verify with exit 0. Each is named now, and the honest sets verify.
    @Test func theNewSystemsLinesEditedInTheJSONAreNamed() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try nightlyAndReports([["--fiscal-year", "2024"], ["--period", "2021-2025"]], today: "2025-04-01")
        let honest = try verify()
        #expect(honest.code == 0, "\(honest.differences)")
        func edit(_ set: String, _ change: (inout [String: Any]) -> Void) throws {
            let folder = root.appendingPathComponent("reports/\(set)")
            let file = folder.appendingPathComponent("kouka-\(set).json")
            var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
            change(&json)
            try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys]).write(to: file)
            #expect(try JobProcess.run(executable: "/bin/sh", ["-c", "cd '\(folder.path)' && sha256sum $(ls | grep -v SHA256SUMS) > SHA256SUMS"]).exitCode == 0)
        }
        try edit("FY2024") { json in
            var line = json["newSystems"] as! [String: Any]
            #expect(line["actual"] as? Int == 1 && line["met"] as? Bool == true)
            line["actual"] = 0
            line["met"] = false
            line["planned"] = 3
            json["newSystems"] = line
        }
        let year = try verify()
        #expect(year.code == 1)
        let fields = Set(year.differences.filter { ($0["subject"] as? String ?? "").hasSuffix("kouka-FY2024.json") }.compactMap { $0["field"] as? String })
        #expect(fields.isSuperset(of: ["newSystems.actual", "newSystems.met", "newSystems.planned"]), "\(year.differences)")
        #expect(try JobProcess.run("kouka-report", ["--config", config, "--quiet", "--today", "2025-04-01", "--fiscal-year", "2024"]).exitCode == 0)
        try edit("period-2021-2025") { json in
            var lines = json["newSystems"] as! [[String: Any]]
            let index = try! #require(lines.firstIndex { $0["fiscalYear"] as? Int == 2024 })
            lines[index]["actual"] = 0
            json["newSystems"] = lines
        }
        let period = try verify()
        #expect(period.code == 1)
        #expect(period.differences.contains { $0["field"] as? String == "newSystems[2024].actual" && $0["kind"] as? String == "written-report" }, "\(period.differences)")
    }

    /// helper-100 #1: a period set made from the true store with a copy of kouka.toml whose FY2024 target was lowered (so that
    /// its table says 達成) passed verify with 0 differences, as did one whose met flag or running sum was edited alone.
    /// Right: the target named against kouka.toml's, and a verdict or a sum that contradicts the table's own figures named as
    /// an edit.
    @Test func aPeriodTableMadeWithOtherTargetsOrEditedInItsVerdictsIsNamed() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try JobProcess.run("kouka-nightly", ["--config", config]).exitCode == 0)
        let toml = try String(contentsOfFile: config, encoding: .utf8)
        try write("forged.toml", toml + "\n[targets.2024]\nrpa_hours = 2\n")
        let forged = root.appendingPathComponent("forged.toml").path
        #expect(try JobProcess.run("kouka-report", ["--config", forged, "--period", "2021-2025", "--quiet"]).exitCode == 0)
        let (code, differences) = try verify()
        #expect(code == 1)
        #expect(differences.contains { $0["kind"] as? String == "written-report-outdated" && $0["field"] as? String == "table.years[2024].rpaTarget"
            && $0["found"] as? String == "2.0" && $0["expected"] as? String == "2500.0" }, "\(differences)")
        // Made again with kouka.toml, then its verdict edited in the JSON alone (the other files rendered from it).
        #expect(try JobProcess.run("kouka-report", ["--config", config, "--period", "2021-2025", "--quiet"]).exitCode == 0)
        #expect(try verify().code == 0)
        let json = root.appendingPathComponent("reports/period-2021-2025/kouka-period-2021-2025.json")
        let text = try String(contentsOf: json, encoding: .utf8)
        let edited = text.replacingOccurrences(of: #""rpaMet" : false"#, with: #""rpaMet" : true"#)
        #expect(edited != text)
        try Data(edited.utf8).write(to: json)
        let (_, named) = try verify()
        #expect(named.contains { $0["kind"] as? String == "written-report" && ($0["field"] as? String)?.hasSuffix("].rpaMet") == true }, "\(named)")
    }

    /// A target set in kouka.toml after a report was made makes the report outdated, not edited (helper-85's
    /// verify-blames-edit-after-config-change.sh pointed the auditor at tampering).
    @Test func aTargetChangedAfterTheReportMakesItOutdated() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try nightlyAndReports([["--fiscal-year", "2024"]])
        #expect(try verify().code == 0)
        let toml = try String(contentsOfFile: config, encoding: .utf8)
        try write("kouka.toml", toml + "\n[targets.2024]\nrpa_hours = 2400\n")
        let (code, differences) = try verify()
        #expect(code == 1)
        // The year's own table and its period section's line (helper-100 #1), both as outdated.
        #expect(differences.map { $0["kind"] as? String } == ["written-report-outdated", "written-report-outdated"], "\(differences)")
        #expect(differences.map { $0["field"] as? String } == ["policyPeriod.years[2024].rpaTarget", "targets[rpa-hours].target"])
        #expect(differences.allSatisfy { $0["found"] as? String == "2500.0" && $0["expected"] as? String == "2400.0" })
    }

    /// A period report made with another catalog names the two digests, as the years' sets do (helper-172 #2: both empty).
    @Test func aPeriodReportMadeWithAnotherCatalogNamesBothDigests() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try nightlyAndReports([["--period", "2021-2025"]])
        #expect(try verify().code == 0)
        let catalog = try String(contentsOf: root.appendingPathComponent("catalog.csv"), encoding: .utf8)
        try write("catalog.csv", catalog.replacingOccurrences(of: "rpa,runs,180,15,", with: "rpa,runs,180,45,"))
        #expect(try JobProcess.run("kouka-nightly", ["--config", config]).exitCode == 1)
        let line = try verify().differences.first { $0["field"] as? String == "catalogSHA256" }
        let found = line?["found"] as? String ?? "", expected = line?["expected"] as? String ?? ""
        #expect(line?["kind"] as? String == "written-report-outdated", "\(String(describing: line))")
        #expect(found.count == 64 && expected.count == 64 && found != expected, "\(String(describing: line))")
    }

    /// A system added to the register after a report was made makes the report outdated, not edited; a report JSON whose
    /// target and figure were both edited still has its figure named, as its other files no longer say what it says
    /// (helper-86's verify-blames-edit-after-register-change.sh and verify-settings-outdated-hides-edited-figure.sh).
    @Test func aRegisterChangedAfterTheReportMakesItOutdatedAndAnEditStillShows() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try nightlyAndReports([["--fiscal-year", "2024"]])
        let register = try String(contentsOf: root.appendingPathComponent("systems.csv"), encoding: .utf8)
        try write("systems.csv", register + "窓口予約,市民課,オンライン予約,2024-11-01,契約 R6-9\n")
        let (outdated, named) = try verify()
        #expect(outdated == 1)
        // The register's change, and the figure it moves, both named as outdated.
        #expect(named.map { $0["kind"] as? String } == ["written-report-outdated", "written-report-outdated", "written-report-outdated"], "\(named)")
        #expect(named.map { $0["field"] as? String } == ["policyPeriod.years[2024].newSystems", "newSystems.registerSHA256", "targets[new-systems].actual"])
        #expect(named.last?["found"] as? String == "1" && named.last?["expected"] as? String == "2")
        try write("systems.csv", register)
        // The RPA target and the hours both edited in the JSON: the target looks like a changed setting, the hours are named.
        let year = root.appendingPathComponent("reports/FY2024/kouka-FY2024.json")
        let text = try String(contentsOf: year, encoding: .utf8)
        let edited = text.replacingOccurrences(of: #""target" : 2500"#, with: #""target" : 2.5"#)
            .replacingOccurrences(of: #""actual" : 2.75"#, with: #""actual" : 27.5"#)
        #expect(edited != text)
        try Data(edited.utf8).write(to: year)
        let (forged, differences) = try verify()
        #expect(forged == 1)
        #expect(differences.contains { $0["kind"] as? String == "written-report" && $0["field"] as? String == "targets[rpa-hours].actual" }, "\(differences)")
        // The same with the catalog's digest edited in place of a setting: the hours are named all the same.
        let catalog = try #require(text.range(of: #""sha256" : ""#))
        let disguised = text.replacingCharacters(in: catalog, with: #""sha256" : "0"#).replacingOccurrences(of: #""actual" : 2.75"#, with: #""actual" : 27.5"#)
        try Data(disguised.utf8).write(to: year)
        let (another, disguiseNamed) = try verify()
        #expect(another == 1)
        #expect(disguiseNamed.contains { $0["field"] as? String == "catalog.sha256" }, "\(disguiseNamed)")
        #expect(disguiseNamed.contains { $0["kind"] as? String == "written-report" && $0["field"] as? String == "targets[rpa-hours].actual" },
                "\(disguiseNamed)")
    }

    /// `--summary` keeps the period run's summary as it keeps a fiscal year's: before, the period run left the file of the
    /// run before it, and monitoring read that one as this one.
    @Test func thePeriodRunKeepsItsSummaryFile() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try JobProcess.run("kouka-nightly", ["--config", config, "--quiet"]).exitCode == 0)
        let file = root.appendingPathComponent("summary.json")
        let result = try JobProcess.run("kouka-report", ["--config", config, "--period", "2021-2025", "--today", "2025-04-01", "--quiet",
                                                         "--summary", file.path])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let kept = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        let printed = try result.summary()
        #expect(kept["exitCode"] as? Int == 0)
        #expect(NSDictionary(dictionary: kept).isEqual(to: printed), "the file holds what the run printed")
        let lines = try String(contentsOf: root.appendingPathComponent("summary.json.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1)
    }

    @Test func thePeriodReportIsASetOfItsOwnInEveryFormat() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try JobProcess.run("kouka-nightly", ["--config", config]).exitCode == 0)
        let result = try JobProcess.run("kouka-report", ["--config", config, "--period", "2021-2025", "--today", "2025-04-01", "--quiet"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let folder = root.appendingPathComponent("reports/period-2021-2025")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["SHA256SUMS", "kouka-period-2021-2025-planned.csv", "kouka-period-2021-2025.csv", "kouka-period-2021-2025.html",
                          "kouka-period-2021-2025.json", "kouka-period-2021-2025.md", "kouka-period-2021-2025.xlsx"])
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("kouka-period-2021-2025.json"))) as! [String: Any]
        let years = (json["table"] as! [String: Any])["years"] as! [[String: Any]]
        #expect(years.map { $0["fiscalYear"] as! Int } == [2021, 2022, 2023, 2024, 2025])
        #expect(years[3]["rpaHours"] as? Double == 2.75)
        #expect(years[3]["newSystems"] as? Int == 1)
        // T02: 240 runs × 60 min ÷ 60 = 240 h a year, 274 of FY2025's 365 days from July 1: 180.16 h, 見込み only.
        #expect(years[4]["rpaHours"] == nil)
        #expect(years[4]["projectedRPAHours"] as? Double == 182.91, "2.75 + 180.16")
        let markdown = try String(contentsOf: folder.appendingPathComponent("kouka-period-2021-2025.md"), encoding: .utf8)
        #expect(markdown.contains("令和7年度（見込み）: 3,000 時間まで あと 2,997.25 時間: 計画中の業務で 180.16 時間（残り 2,817.09 時間）。"))
        let html = try String(contentsOf: folder.appendingPathComponent("kouka-period-2021-2025.html"), encoding: .utf8)
        #expect(html.contains("<svg") && html.contains("令和7年度（見込み）"))
        let csv = try String(contentsOf: folder.appendingPathComponent("kouka-period-2021-2025.csv"), encoding: .utf8)
        #expect(csv.contains("令和6年度,2024,実績,2500.00,2.75,,未達成,2.75,,4,,記録なし,1,1,0,達成,2025-03-31"), "no AI log: 記録なし, not 0 and 未達成; \(csv)")
        let xlsx = try Data(contentsOf: folder.appendingPathComponent("kouka-period-2021-2025.xlsx"))
        #expect(xlsx.prefix(2) == Data("PK".utf8))
        // The yearly set carries the same table and the path as CSV files of its own.
        #expect(try JobProcess.run("kouka-report", ["--config", config, "--fiscal-year", "2024", "--today", "2025-04-01", "--quiet"]).exitCode == 0)
        let yearly = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("reports/FY2024").path)
        #expect(yearly.contains("kouka-FY2024-period.csv") && yearly.contains("kouka-FY2024-planned.csv"))
    }

    @Test func aBadRegisterStopsTheReportNamingEveryLine() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try JobProcess.run("kouka-nightly", ["--config", config]).exitCode == 0)
        try write("systems.csv", "system,department,kind,go_live,evidence\nA,市民課,予約,2024-02-30,契約 1\nB,市民課,予約,2024-04-01,\n")
        for arguments in [["--period", "2021-2025"], ["--fiscal-year", "2024"]] {
            let result = try JobProcess.run("kouka-report", ["--config", config, "--quiet"] + arguments)
            #expect(result.exitCode == 65)
            let error = try result.summary()["error"] as? String ?? ""
            #expect(error.contains("systems.csv:2: go_live 2024-02-30 is not a date"), "\(error)")
            #expect(error.contains("systems.csv:3: evidence is empty"), "\(error)")
        }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("reports").path))
        let audit = try JobProcess.run("kouka-audit", ["targets", "--config", config, "--fiscal-year", "2024", "--quiet"])
        #expect(audit.exitCode == 65)
    }

    @Test func aPeriodThatIsNotTwoYearsInOrderIsAUsageError() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        for period in ["2025-2021", "2021", "2021-2040", "R3-R7"] {
            #expect(try JobProcess.run("kouka-report", ["--config", config, "--period", period]).exitCode == 64, "\(period)")
        }
        #expect(try JobProcess.run("kouka-report", ["--config", config, "--period", "2021-2025", "--fiscal-year", "2024"]).exitCode == 64)
    }
}
