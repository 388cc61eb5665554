import Foundation
import Testing

/// `kouka-audit verify` through the built executables: correct stores — overlapping exports, a copy, a renamed
/// export, files that arrived in another order, a run past midnight, the sample city — verify with exit 0, and
/// each way of changing a figure behind Kouka's back exits 1 with the difference named.
@Suite(.serialized) struct VerifyTamperTests {
    /// A small city: two overlapping WinActor exports (t1–t10 and t6–t15: 15 runs), a copy of the first, and two
    /// days of a UiPath robot's log with a run from 23:50 on May 1 to 00:10 on May 2.
    struct City {
        let root: URL
        var config: String { root.appendingPathComponent("kouka.toml").path }
        var database: String { root.appendingPathComponent("kouka.sqlite").path }
        var reportJSON: URL { root.appendingPathComponent("reports/FY2024/kouka-FY2024.json") }

        init(withSecondExport: Bool = true) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-verify-\(UUID().uuidString)")
            for folder in ["logs/winactor", "logs/uipath"] {
                try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            try write("catalog.csv", """
                task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,rework_minutes_per_failure,valid_from,match
                T01,住民税課税資料の取込,税務課,rpa,runs,180,15,30,2020-04-01,住民税_課税資料取込
                T02,国保異動処理,保険年金課,rpa,runs,40,5,0,2020-04-01,国保異動

                """)
            try write("kouka.toml", """
                catalog = "catalog.csv"
                output = "reports"
                [[source]]
                format = "winactor-task-csv"
                path = "logs/winactor/*.csv"
                [[source]]
                format = "uipath-execution-log"
                path = "logs/uipath/*_Execution.log"
                """)
            try write("logs/winactor/a.csv", Self.export(1...10))
            try write("logs/winactor/a-copy.csv", Self.export(1...10))
            if withSecondExport { try write("logs/winactor/b.csv", Self.export(6...15)) }
            try write("logs/uipath/2024-05-01_Execution.log", [
                Self.uipath("09:00:00", "2024-05-01", "day", "started"), Self.uipath("09:05:00", "2024-05-01", "day", "ended", seconds: 300),
                Self.uipath("23:50:00", "2024-05-01", "night", "started"),
            ].joined(separator: "\n") + "\n")
            try write("logs/uipath/2024-05-02_Execution.log", [
                Self.uipath("00:10:00", "2024-05-02", "night", "ended", seconds: 1_200),
            ].joined(separator: "\n") + "\n")
        }

        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: root.appendingPathComponent(name))
        }

        static func export(_ ids: ClosedRange<Int>) -> String {
            ([UnfinishedRunsTests.header] + ids.map { UnfinishedRunsTests.row("t\($0)", "FINISH", "2024/05/\(String(format: "%02d", ($0 - 1) % 31 + 1)) 09:00:00") })
                .joined(separator: "\r\n") + "\r\n"
        }

        static func uipath(_ time: String, _ day: String, _ job: String, _ what: String, seconds: Int? = nil) -> String {
            var fields = [#""message":"国保異動 execution \#(what)""#, #""level":"Information""#, #""logType":"Default""#,
                          #""timeStamp":"\#(day)T\#(time)+09:00""#, #""processName":"国保異動""#, #""jobId":"\#(job)""#]
            if let seconds { fields.append(#""totalExecutionTimeInSeconds":\#(seconds)"#) }
            return "\(time).0000 Info {\(fields.joined(separator: ","))}"
        }

        func nightly() throws { #expect(try JobProcess.run("kouka-nightly", ["--config", config]).exitCode <= 1) }
        /// The FY2024 report; one the store lacks a counted file of (a ledger line removed) refuses to replace the set (73).
        /// Exit 0 stands for a set written, with or without figures restated (`wroteTheSet`).
        func report(exitCode: Int32 = 0) throws {
            let run = try JobProcess.run("kouka-report", ["--config", config, "--fiscal-year", "2024", "--quiet", "--generated-at", "2025-04-10T05:00:00+09:00"])
            #expect(exitCode == 0 ? run.wroteTheSet : run.exitCode == exitCode, "\(run.exitCode): \(run.stderr)")
        }
        func verify() throws -> (code: Int32, differences: [[String: Any]]) {
            let result = try JobProcess.run("kouka-audit", ["verify", "--config", config])
            return (result.exitCode, try result.summary()["differences"] as? [[String: Any]] ?? [])
        }
        func sql(_ statement: String) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()", database, statement]
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        func editReport(_ change: (inout [String: Any]) -> Void) throws {
            var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: reportJSON)) as? [String: Any])
            change(&json)
            try JSONSerialization.data(withJSONObject: json).write(to: reportJSON)
        }
        /// Replaces `old` with `new` in the city's file `name`, as someone editing it by hand would.
        func replace(in name: String, _ old: String, with new: String) throws {
            let url = root.appendingPathComponent(name)
            try Data(try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: old, with: new).utf8).write(to: url)
        }
        func remove() { try? FileManager.default.removeItem(at: root) }
        /// The FY2024 set's version label changed from `current` to `label` in its JSON and HTML, after `edit` was made
        /// to its files, and its SHA256SUMS made again: what someone hiding an edit behind another version's rules does.
        func relabel(from current: String, to label: String, after edit: () throws -> Void = {}) throws {
            try edit()
            try editReport { $0["koukaVersion"] = label }
            try replace(in: "reports/FY2024/kouka-FY2024.html", "・Kouka \(current)", with: "・Kouka \(label)")
            let folder = root.appendingPathComponent("reports/FY2024")
            #expect(try JobProcess.run(executable: "/bin/sh", ["-c", "cd '\(folder.path)' && sha256sum $(ls | grep -v SHA256SUMS) > SHA256SUMS"]).exitCode == 0)
        }

        /// Nightly, the FY2024 report, and verify exiting 0.
        static func verified() throws -> City {
            let city = try City()
            try city.nightly()
            try city.report()
            let clean = try city.verify()
            #expect(clean.code == 0, "\(clean.differences)")
            return city
        }
    }

    static func named(_ differences: [[String: Any]], kind: String, subject: String? = nil, field: String? = nil) -> Bool {
        differences.contains { d in
            d["kind"] as? String == kind && subject.map { (d["subject"] as? String ?? "").contains($0) } ?? true
                && field.map { (d["field"] as? String ?? "").contains($0) } ?? true
        }
    }

    // MARK: Correct stores

    @Test func overlappingExportsACopyAndARunPastMidnightVerify() throws {
        let city = try City.verified()
        city.remove()
    }

    @Test func anExportRenamedAfterItWasReadVerifies() throws {
        let city = try City.verified()
        defer { city.remove() }
        try FileManager.default.moveItem(at: city.root.appendingPathComponent("logs/winactor/b.csv"),
                                         to: city.root.appendingPathComponent("logs/winactor/b-2024.csv"))
        try city.nightly()
        try city.report()
        let result = try city.verify()
        #expect(result.code == 0, "\(result.differences)")
    }

    /// Renamed after the report was written, and not reported again yet: the report names the file as it was called, the
    /// store not tampered with, every figure still the store's. No difference: the report still holds, the rename named.
    @Test func anExportRenamedAfterTheReportWasWrittenLeavesItHolding() throws {
        let city = try City.verified()
        defer { city.remove() }
        try FileManager.default.moveItem(at: city.root.appendingPathComponent("logs/winactor/b.csv"),
                                         to: city.root.appendingPathComponent("logs/winactor/b-2024.csv"))
        try city.nightly()
        let result = try JobProcess.run("kouka-audit", ["verify", "--config", city.config])
        let summary = try result.summary()
        #expect(result.exitCode == 0, "\(summary["differences"] ?? "")")
        let holding = summary["reportsStillHolding"] as? [String] ?? []
        #expect(holding.count == 1 && holding[0].contains("path"), "\(holding)")
    }

    @Test func exportsThatArrivedInAnotherOrderVerify() throws {
        // b.csv is read on the first night, a.csv (t1–t10, sorting first) on the second: the store counts the
        // overlap t6–t10 in b.csv, a reading from scratch in a.csv. No figure differs, so nothing differs.
        let city = try City(withSecondExport: false)
        defer { city.remove() }
        try FileManager.default.moveItem(at: city.root.appendingPathComponent("logs/winactor/a.csv"), to: city.root.appendingPathComponent("a.csv"))
        try FileManager.default.removeItem(at: city.root.appendingPathComponent("logs/winactor/a-copy.csv"))
        try city.write("logs/winactor/b.csv", City.export(6...15))
        try city.nightly()
        try FileManager.default.moveItem(at: city.root.appendingPathComponent("a.csv"), to: city.root.appendingPathComponent("logs/winactor/a.csv"))
        try city.nightly()
        try city.report()
        let result = try city.verify()
        #expect(result.code == 0, "\(result.differences)")
    }

    /// b.csv (t1 only) read on the first night, a.csv (t1 and t5, sorting first) on the second: the store counts t1 in
    /// b.csv, so b.csv is among the task's sources. Read again in the order the store first recorded the files, it is there
    /// too; read in the order of their names, a.csv would take t1 and b.csv count nothing (a false alarm on the sources).
    @Test func anExportWholeInALaterOneThatSortsFirstVerifies() throws {
        let city = try City(withSecondExport: false)
        defer { city.remove() }
        for name in ["a.csv", "a-copy.csv"] { try FileManager.default.removeItem(at: city.root.appendingPathComponent("logs/winactor/\(name)")) }
        try city.write("logs/winactor/b.csv", City.export(1...1))
        try city.nightly()
        try city.write("logs/winactor/a.csv", City.export(1...5))
        try city.nightly()
        try city.report()
        let result = try city.verify()
        #expect(result.code == 0, "\(result.differences)")
    }

    @Test func theSampleCityVerifies() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-verify-sample-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(at: CrashSafetyTests.sampleLogs, to: root)
        // The sample configuration keeps its store and reports beside SampleLogs/ (../out): here, inside the copy.
        let config = root.appendingPathComponent("kouka.toml").path
        let text = try String(contentsOfFile: config, encoding: .utf8).replacingOccurrences(of: "\"../out/", with: "\"out/")
        try Data(text.utf8).write(to: URL(fileURLWithPath: config))
        #expect(try JobProcess.run("kouka-nightly", ["--config", config]).exitCode == 1, "the sample city has findings on purpose")
        for year in 2021...2024 {
            #expect(try JobProcess.run("kouka-report", ["--config", config, "--fiscal-year", "\(year)", "--quiet"]).exitCode == 0)
        }
        let result = try JobProcess.run("kouka-audit", ["verify", "--config", config])
        #expect(result.exitCode == 0, "\(result.stdout)")
    }

    // MARK: Tampering

    @Test func aFileMarkedDuplicateBehindKoukasBack() throws {
        let city = try City.verified()
        defer { city.remove() }
        try city.sql("UPDATE source_files SET status = 'duplicate' WHERE path = 'logs/winactor/b.csv'")
        try city.report()
        let result = try city.verify()
        #expect(result.code == 1)
        #expect(Self.named(result.differences, kind: "ledger", subject: "logs/winactor/b.csv", field: "status"))
        #expect(Self.named(result.differences, kind: "store-report", field: "hoursSaved.total"))
    }

    @Test func aLedgerLineDeleted() throws {
        let city = try City.verified()
        defer { city.remove() }
        try city.sql("DELETE FROM source_files WHERE path = 'logs/winactor/b.csv'")
        // The signed set counted it: a store without its line does not replace the set.
        try city.report(exitCode: 73)
        let result = try city.verify()
        #expect(result.code == 1)
        #expect(Self.named(result.differences, kind: "ledger", subject: "logs/winactor/b.csv", field: "line"))
    }

    @Test func theLedgerLineOfAGoneFileDeleted() throws {
        // The file is gone from disk, so no reading can find it again: the signed report still names it.
        let city = try City.verified()
        defer { city.remove() }
        try FileManager.default.removeItem(at: city.root.appendingPathComponent("logs/winactor/b.csv"))
        try city.nightly()
        try city.sql("DELETE FROM rollups WHERE source_id = (SELECT id FROM source_files WHERE path = 'logs/winactor/b.csv'); DELETE FROM source_files WHERE path = 'logs/winactor/b.csv'")
        let result = try city.verify()
        #expect(result.code == 1)
        #expect(Self.named(result.differences, kind: "ledger", subject: "logs/winactor/b.csv", field: "line"))
    }

    @Test func theRollupsOfAGoneFileMultiplied() throws {
        let city = try City.verified()
        defer { city.remove() }
        try FileManager.default.removeItem(at: city.root.appendingPathComponent("logs/winactor/b.csv"))
        try city.nightly()
        let before = try city.verify()
        #expect(before.code == 0, "a gone file's figures still count and verify: \(before.differences)")
        try city.sql("""
            UPDATE rollups SET events = events * 10, quantity = quantity * 10
            WHERE source_id = (SELECT id FROM source_files WHERE path = 'logs/winactor/b.csv')
            """)
        let result = try city.verify()
        #expect(result.code == 1)
        #expect(Self.named(result.differences, kind: "rollups-digest", subject: "logs/winactor/b.csv"))
    }

    @Test func theMachineSecondsOfARollupChanged() throws {
        let city = try City.verified()
        defer { city.remove() }
        try city.sql("UPDATE rollups SET machine_seconds = machine_seconds + 1 WHERE source_id = (SELECT id FROM source_files WHERE path = 'logs/winactor/b.csv')")
        let result = try city.verify()
        #expect(result.code == 1)
        #expect(Self.named(result.differences, kind: "rollups", subject: "logs/winactor/b.csv"))
        #expect(Self.named(result.differences, kind: "rollups-digest", subject: "logs/winactor/b.csv"))
    }

    @Test(arguments: ["total", "target", "met", "department", "month", "task"])
    func aFigureOfTheWrittenReportEdited(_ what: String) throws {
        let city = try City.verified()
        defer { city.remove() }
        var field = ""
        try city.editReport { json in
            switch what {
            case "total":
                var hours = json["hoursSaved"] as! [String: Any]; hours["total"] = 9_999.0; json["hoursSaved"] = hours; field = "hoursSaved.total"
            case "target":
                var targets = json["targets"] as! [[String: Any]]; targets[0]["actual"] = 9_999.0; json["targets"] = targets; field = "targets[rpa-hours].actual"
            case "met":
                var targets = json["targets"] as! [[String: Any]]; targets[0]["met"] = true; json["targets"] = targets; field = "targets[rpa-hours].met"
            case "department":
                var departments = json["departments"] as! [[String: Any]]; departments[0]["hoursSaved"] = 1.0; json["departments"] = departments
                field = "departments[\(departments[0]["department"]!)].hoursSaved"
            case "month":
                var months = json["months"] as! [[String: Any]]; months[1]["hoursSaved"] = 1.0; json["months"] = months; field = "months[2024-05].hoursSaved"
            default:
                var tasks = json["tasks"] as! [[String: Any]]
                var extra = tasks[0]; extra["task"] = "T99"; tasks.append(extra); json["tasks"] = tasks; field = "tasks[T99"
            }
        }
        let result = try city.verify()
        #expect(result.code == 1)
        #expect(Self.named(result.differences, kind: "written-report", field: field), "\(result.differences)")
    }

    @Test func aWrittenReportReplacedByGarbage() throws {
        let city = try City.verified()
        defer { city.remove() }
        try Data("not a report".utf8).write(to: city.reportJSON)
        let result = try city.verify()
        #expect(result.code == 1)
        #expect(Self.named(result.differences, kind: "written-report-unreadable"))
        #expect(Self.named(result.differences, kind: "report-manifest", subject: "kouka-FY2024.json"))
    }

    @Test func theTableNamesTheSameDifferences() throws {
        let city = try City.verified()
        defer { city.remove() }
        try city.editReport { json in
            var hours = json["hoursSaved"] as! [String: Any]; hours["total"] = 9_999.0; json["hoursSaved"] = hours
        }
        let result = try JobProcess.run("kouka-audit", ["verify", "--config", city.config, "--table"])
        #expect(result.exitCode == 1)
        let line = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("written-report\t") })
        let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        #expect(cells[2] == "hoursSaved.total")
        #expect(cells[3] == "9999（report）")
        #expect(cells[4].hasSuffix("（store）") && !cells[4].hasPrefix("9999"))
    }

    @Test func theHTMLReportEdited() throws {
        let city = try City.verified()
        defer { city.remove() }
        try city.replace(in: "reports/FY2024/kouka-FY2024.html", "<b>", with: "<b>1")
        let result = try city.verify()
        #expect(result.code == 1)
        #expect(Self.named(result.differences, kind: "report-manifest", subject: "kouka-FY2024.html"))
    }

    /// A month's written report is compared field by field too: an edited figure is found even when its SHA256SUMS
    /// was made again to match (as someone hiding the edit would).
    @Test func aFigureOfAWrittenMonthReportEditedWithItsChecksumsMadeAgain() throws {
        let city = try City.verified()
        defer { city.remove() }
        #expect(try JobProcess.run("kouka-report", ["--config", city.config, "--month", "2024-05", "--quiet", "--generated-at", "2024-06-10T05:00:00+09:00"])
            .exitCode == 0)
        #expect(try city.verify().code == 0, "the month as written verifies")
        let folder = city.root.appendingPathComponent("reports/2024-05")
        let file = folder.appendingPathComponent("kouka-2024-05.json")
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        var hours = try #require(json["hoursSaved"] as? [String: Any])
        hours["total"] = 9_999.0
        json["hoursSaved"] = hours
        try JSONSerialization.data(withJSONObject: json).write(to: file)
        let sums = try JobProcess.run(executable: "/bin/sh", ["-c", "cd '\(folder.path)' && sha256sum $(ls | grep -v SHA256SUMS) > SHA256SUMS"])
        #expect(sums.exitCode == 0)
        let result = try city.verify()
        #expect(result.code == 1)
        #expect(Self.named(result.differences, kind: "written-report", subject: "kouka-2024-05.json", field: "hoursSaved.total"), "\(result.differences)")
        #expect(!Self.named(result.differences, kind: "report-manifest"), "the checksums were made again: only the figure tells")
    }

    /// A figure edited in the JSON together with a source file's SHA-256 in it, SHA256SUMS made again: the report then
    /// looks written from other files than the store counts (outdated), but the set's other files, rendered from the
    /// JSON as it was, do not say what it says now: the edited figure is named. A set that is only outdated is not blamed.
    @Test func aFigureEditedInTheJSONWithASourcesSHA256ToPassForOutdatedIsNamed() throws {
        let city = try City.verified()
        defer { city.remove() }
        try city.editReport { json in
            var hours = json["hoursSaved"] as! [String: Any]; hours["total"] = 9_999.0; json["hoursSaved"] = hours
            var sources = json["sources"] as! [[String: Any]]; sources[0]["sha256"] = String(repeating: "1", count: 64); json["sources"] = sources
        }
        let folder = city.root.appendingPathComponent("reports/FY2024")
        #expect(try JobProcess.run(executable: "/bin/sh", ["-c", "cd '\(folder.path)' && sha256sum $(ls | grep -v SHA256SUMS) > SHA256SUMS"]).exitCode == 0)
        let result = try city.verify()
        #expect(result.code == 1)
        #expect(Self.named(result.differences, kind: "written-report-outdated", field: "sources"))
        #expect(Self.named(result.differences, kind: "written-report", subject: "kouka-FY2024.json", field: "hoursSaved.total"), "\(result.differences)")
        #expect(!Self.named(result.differences, kind: "report-manifest"), "the checksums were made again")

        // Only outdated: a new export counted after the report was written.
        let honest = try City.verified()
        defer { honest.remove() }
        try honest.write("logs/winactor/c.csv", City.export(16...18))
        try honest.nightly()
        let outdated = try honest.verify()
        #expect(outdated.code == 1)
        #expect(Self.named(outdated.differences, kind: "written-report-outdated", field: "sources"))
        #expect(!Self.named(outdated.differences, kind: "written-report"), "\(outdated.differences)")
    }

    /// The files people read (Markdown, HTML, CSV, the workbook) are what kouka-report renders from the set's JSON: a
    /// figure edited in one of them, its SHA256SUMS made again, is named, though the JSON still agrees with the store.
    @Test(arguments: ["kouka-FY2024.md", "kouka-FY2024.html", "kouka-FY2024-tasks.csv", "kouka-FY2024-departments.csv", "kouka-FY2024.xlsx"])
    func aFigureEditedInAFilePeopleReadWithItsChecksumsMadeAgain(_ name: String) throws {
        let city = try City.verified()
        defer { city.remove() }
        let folder = city.root.appendingPathComponent("reports/FY2024")
        // The first figure with two decimals becomes 9999.99; in the workbook, the first number of the first sheet.
        let edit = name.hasSuffix(".xlsx") ? #"""
            import re, shutil, sys, zipfile
            path = sys.argv[1]
            src = zipfile.ZipFile(path)
            items = [(i, src.read(i.filename)) for i in src.infolist()]
            src.close()
            with zipfile.ZipFile(path + ".new", "w", zipfile.ZIP_DEFLATED) as out:
                for info, data in items:
                    if info.filename == "xl/worksheets/sheet1.xml":
                        data, n = re.subn(rb"<v>[0-9.]+</v>", b"<v>9999.99</v>", data, count=1)
                        assert n == 1
                    out.writestr(info, data)
            shutil.move(path + ".new", path)
            """# : #"""
            import re, sys
            path = sys.argv[1]
            text = open(path, encoding="utf-8").read()
            text, n = re.subn(r"[0-9][0-9,]*\.[0-9][0-9]", "9999.99", text, count=1)
            assert n == 1
            open(path, "w", encoding="utf-8").write(text)
            """#
        #expect(try JobProcess.run(executable: "/usr/bin/env", ["python3", "-c", edit, folder.appendingPathComponent(name).path]).exitCode == 0)
        let sums = try JobProcess.run(executable: "/bin/sh", ["-c", "cd '\(folder.path)' && sha256sum $(ls | grep -v SHA256SUMS) > SHA256SUMS"])
        #expect(sums.exitCode == 0)
        let result = try city.verify()
        #expect(result.code == 1)
        #expect(result.differences.count == 1, "\(result.differences)")
        #expect(Self.named(result.differences, kind: "written-report", subject: name, field: "file"), "\(result.differences)")
    }

    /// A file of the set removed, SHA256SUMS made again without it: named. The JSON removed is named too, though then
    /// nothing of the set can be compared with the store.
    @Test(arguments: ["kouka-FY2024.json", "kouka-FY2024.xlsx", "kouka-FY2024-tasks.csv"])
    func aFileOfTheSetRemovedWithItsChecksumsMadeAgain(_ name: String) throws {
        let city = try City.verified()
        defer { city.remove() }
        let folder = city.root.appendingPathComponent("reports/FY2024")
        try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        let sums = try JobProcess.run(executable: "/bin/sh", ["-c", "cd '\(folder.path)' && sha256sum $(ls | grep -v SHA256SUMS) > SHA256SUMS"])
        #expect(sums.exitCode == 0)
        let result = try city.verify()
        #expect(result.code == 1)
        let subject = name.hasSuffix(".json") ? "reports/FY2024" : name
        #expect(result.differences.contains { ($0["subject"] as? String ?? "").hasSuffix(subject) && ($0["detail"] as? String ?? "").contains("removed") },
                "\(result.differences)")
    }

    /// A file kouka-report never writes, added to the set with a Kouka-like name and listed in SHA256SUMS made again (a
    /// "final" CSV with other figures): named, though every file Kouka wrote is as it wrote it.
    @Test func aFileAddedToTheSetWithItsChecksumsMadeAgain() throws {
        let city = try City.verified()
        defer { city.remove() }
        let folder = city.root.appendingPathComponent("reports/FY2024")
        try Data("task,hours\nT01,99.00\n".utf8).write(to: folder.appendingPathComponent("kouka-FY2024-tasks-final.csv"))
        let sums = try JobProcess.run(executable: "/bin/sh", ["-c", "cd '\(folder.path)' && sha256sum $(ls | grep -v SHA256SUMS) > SHA256SUMS"])
        #expect(sums.exitCode == 0)
        let result = try city.verify()
        #expect(result.code == 1)
        #expect(result.differences.count == 1, "\(result.differences)")
        #expect(Self.named(result.differences, kind: "written-report", subject: "kouka-FY2024-tasks-final.csv", field: "file"), "\(result.differences)")
    }

    /// A set written by another Kouka version may render its files otherwise: they are checked by SHA256SUMS only, and
    /// verify says so rather than calling them edited.
    @Test func aSetWrittenByAnotherVersionIsListedNotBlamed() throws {
        let city = try City.verified()
        defer { city.remove() }
        let current = try Self.writtenVersion(city)
        try city.editReport { $0["koukaVersion"] = "0.3.0" }
        // That version's HTML states it too.
        try city.replace(in: "reports/FY2024/kouka-FY2024.html", "・Kouka \(current)", with: "・Kouka 0.3.0")
        try city.replace(in: "reports/FY2024/kouka-FY2024.md", "\n", with: "\r\n")
        let folder = city.root.appendingPathComponent("reports/FY2024")
        #expect(try JobProcess.run(executable: "/bin/sh", ["-c", "cd '\(folder.path)' && sha256sum $(ls | grep -v SHA256SUMS) > SHA256SUMS"]).exitCode == 0)
        let result = try JobProcess.run("kouka-audit", ["verify", "--config", city.config])
        let summary = try result.summary()
        #expect(result.exitCode == 0, "\(summary["differences"] ?? "")")
        #expect((summary["reportsRenderedByAnotherVersion"] as? [String])?.first?.hasSuffix("reports/FY2024/kouka-FY2024.json") == true)
    }

    /// The JSON's version label changed to an older one, so that the set's files are checked against SHA256SUMS only, and a
    /// figure edited in the Markdown people read with SHA256SUMS made again: the HTML still states the version that wrote
    /// the set, and the contradiction is named.
    @Test func aVersionLabelEditedToHideAnEditIsNamed() throws {
        let city = try City.verified()
        defer { city.remove() }
        let current = try Self.writtenVersion(city)
        try city.editReport { $0["koukaVersion"] = "0.4.5" }
        try city.replace(in: "reports/FY2024/kouka-FY2024.md", "| 合計 |", with: "| 合計（確定） |")
        let folder = city.root.appendingPathComponent("reports/FY2024")
        #expect(try JobProcess.run(executable: "/bin/sh", ["-c", "cd '\(folder.path)' && sha256sum $(ls | grep -v SHA256SUMS) > SHA256SUMS"]).exitCode == 0)
        let result = try city.verify()
        #expect(result.code == 1)
        let named = result.differences.first { $0["field"] as? String == "koukaVersion" }
        #expect(named?["found"] as? String == "0.4.5" && named?["expected"] as? String == current, "\(result.differences)")
    }

    /// helper-100 #2: a set made now, its version label edited to 0.5.6 in every file and SHA256SUMS made again, was taken
    /// by 0.5.6's rules (its other files checked against SHA256SUMS only, many of its JSON's values not compared). 0.5.6
    /// cannot read a store 0.5.7 migrated: the label is named.
    @Test func aSetRelabelledWithAVersionThatCouldNotReadTheStoreIsNamed() throws {
        let city = try City.verified()
        defer { city.remove() }
        #expect(try JobProcess.run("kouka-report", ["--config", city.config, "--fiscal-year", "2024", "--quiet"]).exitCode == 0)
        let current = try Self.writtenVersion(city)
        try city.relabel(from: current, to: "0.5.6")
        let result = try city.verify()
        #expect(result.code == 1)
        let named = result.differences.first { $0["field"] as? String == "koukaVersion" }
        #expect(named?["kind"] as? String == "written-report" && named?["found"] as? String == "0.5.6", "\(result.differences)")
        // This version noted since when it reads the store with its first nightly run (`read_by_since`).
        #expect(named?["expected"] as? String == "\(current) or later")
    }

    /// helper-110 #1: a set made now, relabelled in every file as made by the version before this one (which needed no
    /// migration, so could read the store) or by a later one no city has, and a figure edited in the files people read with
    /// SHA256SUMS made again, passed as another version's set. This version's nightly run notes since when it reads the store,
    /// and verify does not take a set of a later version than itself for one it may not check.
    @Test(arguments: ["0.5.8", "1.0.0", "0.5.09", "+0.5.9"])
    func aSetRelabelledWithAnotherVersionToHideAnEditIsNamed(_ label: String) throws {
        let city = try City.verified()
        defer { city.remove() }
        #expect(try JobProcess.run("kouka-report", ["--config", city.config, "--fiscal-year", "2024", "--quiet"]).exitCode == 0)
        let current = try Self.writtenVersion(city)
        try city.relabel(from: current, to: label) { try city.replace(in: "reports/FY2024/kouka-FY2024.md", "| 合計 |", with: "| 合計（確定） |") }
        let result = try city.verify()
        #expect(result.code == 1)
        let named = result.differences.first { $0["field"] as? String == "koukaVersion" }
        #expect(named?["found"] as? String == label, "\(result.differences)")
        let expected = ["0.5.8": "\(current) or later", "1.0.0": "\(current) or earlier"][label] ?? "a version as Kouka writes it (\(current))"
        #expect(named?["expected"] as? String == expected)
    }

    /// helper-113 #2: relabelled with the version before, its `generatedAt` made no time (so that it could not be held to
    /// the versions that had read the store by then), and a figure edited in the Markdown: named.
    @Test(arguments: ["unknown", "2026-12-06"])
    func aSetRelabelledWithoutATimeIsNamed(_ stated: String) throws {
        let city = try City.verified()
        defer { city.remove() }
        #expect(try JobProcess.run("kouka-report", ["--config", city.config, "--fiscal-year", "2024", "--quiet"]).exitCode == 0)
        let current = try Self.writtenVersion(city)
        try city.relabel(from: current, to: "0.5.8") {
            try city.editReport { $0["generatedAt"] = stated }
            try city.replace(in: "reports/FY2024/kouka-FY2024.md", "| 合計 |", with: "| 合計（確定） |")
        }
        let result = try city.verify()
        #expect(result.code == 1)
        #expect(result.differences.contains { $0["field"] as? String == "generatedAt" && $0["found"] as? String == stated }, "\(result.differences)")
    }

    /// The Kouka version the city's FY2024 report states.
    static func writtenVersion(_ city: City) throws -> String {
        try #require((try JSONSerialization.jsonObject(with: Data(contentsOf: city.reportJSON)) as? [String: Any])?["koukaVersion"] as? String)
    }

    /// A report another version wrote, whose figure is not the store's (that version's rules, or an edit): the figure is
    /// named, as outdated, not blamed on the file alone.
    @Test func aFigureOfAReportAnotherVersionWroteIsNamedAsOutdated() throws {
        let city = try City.verified()
        defer { city.remove() }
        try city.editReport { json in
            json["koukaVersion"] = "0.4.0"
            var hours = json["hoursSaved"] as! [String: Any]; hours["total"] = 9_999.0; json["hoursSaved"] = hours
        }
        let result = try city.verify()
        #expect(result.code == 1)
        #expect(Self.named(result.differences, kind: "written-report-outdated", field: "hoursSaved.total"), "\(result.differences)")
        #expect(!Self.named(result.differences, kind: "written-report", field: "hoursSaved.total"))
    }

    /// A report made with another catalog than kouka.toml names now is older than the catalog, not edited: verify
    /// says to re-run it, and does not blame the file.
    @Test func aReportMadeWithAnotherCatalogIsOutdatedNotEdited() throws {
        let city = try City.verified()
        defer { city.remove() }
        try city.replace(in: "catalog.csv", ",180,15,", with: ",200,15,")
        let result = try city.verify()
        #expect(result.code == 1)
        #expect(Self.named(result.differences, kind: "written-report-outdated", field: "catalog.sha256"), "\(result.differences)")
        #expect(!Self.named(result.differences, kind: "written-report"))
    }
}
