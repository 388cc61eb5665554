import Foundation
import Testing

/// `[monitoring] textfile`: after every nightly run whose configuration could be read, failed runs too, a
/// file node_exporter's textfile collector reads — Prometheus' text format, checked by a strict parser
/// (and by `promtool check metrics` where Debian's prometheus package is installed) — whose values are
/// the summary's and the report's.
@Suite(.serialized) struct MonitoringTextfileTests {
    static let extra = "[monitoring]\ntextfile = \"metrics/kouka.prom\"\n[targets.2024]\nrpa_hours = 100\nai_tasks = 3\n"

    func metrics(_ city: TwoSourceCity) throws -> (text: String, values: [String: Double]) {
        let text = try String(contentsOfFile: city.path("metrics/kouka.prom"), encoding: .utf8)
        let parsed = try PrometheusTextParser.parse(text)
        for name in Set(parsed.samples.map(\.name)) {
            #expect(parsed.help[name] != nil && parsed.type[name] == "gauge", "\(name) has its HELP and TYPE")
        }
        var values: [String: Double] = [:]
        for sample in parsed.samples {
            let labels = sample.labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            values[sample.name + (labels.isEmpty ? "" : "{\(labels)}")] = sample.value
        }
        return (text, values)
    }

    /// Whether promtool accepts the file: it parses (status 1 would say it does not), and its only lint is
    /// the one Kouka keeps on purpose — hours, not seconds, since the DX policy's targets are in hours.
    func promtoolAccepts(_ checked: (status: Int32, output: String)) -> Bool {
        if checked.status == 0 { return true }
        let lints = checked.output.split(separator: "\n").filter { !$0.isEmpty }
        return checked.status == 3 && lints.allSatisfy { $0.hasSuffix(#"use base unit "seconds" instead of "hours""#) }
    }

    /// `promtool check metrics` on `text` when promtool is installed: nil when it is not.
    func promtool(_ text: String) throws -> (status: Int32, output: String)? {
        guard let folder = ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":")
            .first(where: { FileManager.default.isExecutableFile(atPath: "\($0)/promtool") }) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "\(folder)/promtool")
        process.arguments = ["check", "metrics"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let said = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, said)
    }

    @Test func aRunLeavesMetricsInPrometheusTextFormatWithTheSummarysAndTheReportsValues() throws {
        let city = try TwoSourceCity("monitoring", extra: Self.extra)
        defer { city.remove() }
        try FileManager.default.createDirectory(atPath: city.path("metrics"), withIntermediateDirectories: true)
        try city.writeLog("a", "1.json", runs: 3)
        try city.writeLog("b", "1.json", runs: 2)
        let before = Date().timeIntervalSince1970
        let run = try city.nightly()
        #expect(run.exitCode == 0, "\(run.stderr)")
        let summary = try run.summary()
        let (text, values) = try metrics(city)
        let start = try #require(values["kouka_nightly_last_run_start_timestamp_seconds"])
        let end = try #require(values["kouka_nightly_last_run_end_timestamp_seconds"])
        #expect(start >= before.rounded(.down) && start <= end && end <= Date().timeIntervalSince1970 + 1)
        #expect(values["kouka_nightly_last_exit_code"] == 0)
        for (metric, key) in [("files_read", "filesRead"), ("files_appended", "filesAppended"), ("rows_read", "rowsRead"),
                              ("rows_rejected", "rowsRejected"), ("pending_runs", "pendingRuns"), ("unfinished_runs", "runsUnfinished")] {
            #expect(values["kouka_nightly_last_run_\(metric)"] == (summary[key] as? Int).map(Double.init), "\(metric)")
        }
        #expect(values["kouka_nightly_last_run_rows_read"] == 5)
        #expect(values["kouka_nightly_last_run_unmapped_names"] == Double((summary["unmapped"] as? [Any])?.count ?? -1))

        let report = try city.city.report(2024)
        let rpa = ((report.json["hoursSaved"] as? [String: Any])?["bySystem"] as? [String: Any])?["rpa"] as? Double
        #expect(rpa == 2.5, "5 runs of 30 minutes")
        #expect(values["kouka_fiscal_year_rpa_hours_saved{fiscal_year=2024}"] == rpa, "the report's own figure")
        #expect(values["kouka_fiscal_year_rpa_hours_target{fiscal_year=2024}"] == 100)
        // The city's logs are the robots' only: the report states 記録なし for AI, and the metric is left out, not 0.
        #expect((report.json["aiTasks"] as? [[String: Any]] ?? []).isEmpty)
        #expect(values["kouka_fiscal_year_ai_tasks{fiscal_year=2024}"] == nil)
        #expect(text.contains("# TYPE kouka_fiscal_year_ai_tasks gauge"))
        #expect(values["kouka_fiscal_year_ai_tasks_target{fiscal_year=2024}"] == 3)
        #expect(values["kouka_fiscal_year_figures_available{fiscal_year=2024}"] == 1)
        // Every finding that says a figure moved is there, at 0 on a night that found none — but for the store begun, the
        // city's first night.
        let findings = values.filter { $0.key.hasPrefix("kouka_nightly_last_run_findings{") }
        #expect(findings.count == 14 && findings.filter { $0.value != 0 }.map(\.key) == ["kouka_nightly_last_run_findings{kind=storeBegun}"], "\(findings)")
        if let checked = try promtool(text) { #expect(promtoolAccepts(checked), "promtool: \(checked.output)") }
        #expect(ReportFiles.mode(city.path("metrics/kouka.prom")) == 0o644, "node_exporter runs as another user")
        #expect(try FileManager.default.contentsOfDirectory(atPath: city.path("metrics")) == ["kouka.prom"], "no temporary file left")
    }

    /// A log that lost a run exits 1, as a rejected row does: the findings metric tells them apart for an alert (helper-185
    /// #4: a night's lost runs passed every documented alert).
    @Test func aLogThatLostRunsIsAFindingInTheMetrics() throws {
        let city = try TwoSourceCity("monitoring-findings", extra: Self.extra)
        defer { city.remove() }
        try FileManager.default.createDirectory(atPath: city.path("metrics"), withIntermediateDirectories: true)
        try city.writeLog("a", "1.json", runs: 3)
        try city.writeLog("b", "1.json", runs: 2)
        let first = try city.nightly()
        #expect(first.exitCode == 0, "\(first.stderr)")
        try city.writeLog("a", "1.json", runs: 2)
        let run = try city.nightly()
        #expect(run.exitCode == 1, "\(run.stderr)")
        let lost = try run.summary()["filesLosingRuns"] as? [Any]
        #expect(lost?.count == 1, "\(String(describing: lost))")
        let (_, values) = try metrics(city)
        #expect(values["kouka_nightly_last_run_findings{kind=filesLosingRuns}"] == 1)
        #expect(values["kouka_nightly_last_run_findings{kind=storeEditedSince}"] == 0)
    }

    /// A fiscal year whose logs hold no record yet (the first nights of April): the report states 記録なし, and the
    /// metrics leave the figures out rather than write 0 hours against the year's target.
    @Test func aYearWithoutRecordsHasNoFigureInTheMetrics() throws {
        let city = try TwoSourceCity("monitoring-no-records", extra: Self.extra + "[targets.2025]\nrpa_hours = 100\nai_tasks = 3\n")
        defer { city.remove() }
        try FileManager.default.createDirectory(atPath: city.path("metrics"), withIntermediateDirectories: true)
        try city.writeLog("a", "1.json", runs: 3)
        try city.writeLog("b", "1.json", runs: 2)
        let run = try JobProcess.run("kouka-nightly", ["--config", city.config, "--quiet", "--today", "2025-04-02"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        let (text, values) = try metrics(city)
        #expect(values["kouka_fiscal_year_figures_available{fiscal_year=2025}"] == 1)
        #expect(values["kouka_fiscal_year_rpa_hours_target{fiscal_year=2025}"] == 100)
        #expect(values["kouka_fiscal_year_rpa_hours_saved{fiscal_year=2025}"] == nil, "no 0 hours for a year without records")
        #expect(values["kouka_fiscal_year_ai_tasks{fiscal_year=2025}"] == nil)
        if let checked = try promtool(text) { #expect(promtoolAccepts(checked), "promtool: \(checked.output)") }
    }

    @Test func aFailedRunStillLeavesItsExitCodeAndNoCountsItDidNotMake() throws {
        let city = try TwoSourceCity("monitoring-failed", extra: Self.extra)
        defer { city.remove() }
        try FileManager.default.createDirectory(atPath: city.path("metrics"), withIntermediateDirectories: true)
        try FileManager.default.removeItem(atPath: city.path("catalog.csv"))
        let run = try city.nightly()
        #expect(run.exitCode == 65)
        let (text, values) = try metrics(city)
        #expect(values["kouka_nightly_last_exit_code"] == 65)
        #expect(values["kouka_nightly_last_run_end_timestamp_seconds"] != nil)
        #expect(values["kouka_nightly_last_run_rows_read"] == nil, "a count the run did not make is left out, not 0")
        #expect(values["kouka_fiscal_year_figures_available{fiscal_year=2024}"] == 0)
        #expect(values["kouka_fiscal_year_rpa_hours_saved{fiscal_year=2024}"] == nil)
        if let checked = try promtool(text) { #expect(promtoolAccepts(checked), "promtool: \(checked.output)") }
    }

    @Test func aMetricsFileThatCannotBeWrittenExits73NamingIt() throws {
        let city = try TwoSourceCity("monitoring-unwritable", extra: Self.extra)
        defer { city.remove() }
        try city.writeLog("a", "1.json", runs: 1)
        try city.writeLog("b", "1.json", runs: 1)
        let run = try city.nightly()
        #expect(run.exitCode == 73)
        #expect(run.stderr.contains(city.path("metrics/kouka.prom")), "\(run.stderr)")
    }

    @Test func theParserRefusesWhatNodeExporterWouldRefuse() {
        for bad in ["a-b 1\n", "a{b=\"1} 1\n", "a{0b=\"1\"} 1\n", "a 1,5\n", "a 1", "# TYPE a gauge\n# TYPE a gauge\na 1\n",
                    "a 1\n# HELP a late\n", "a{b=\"\\x\"} 1\n", "# TYPE a gaugeish\na 1\n", "a nan\n"] {
            #expect(throws: PrometheusTextParser.Failure.self, "\(bad)") { try PrometheusTextParser.parse(bad) }
        }
        #expect(throws: Never.self) { try PrometheusTextParser.parse("# HELP a x\\ny\n# TYPE a gauge\na{b=\"q\\\"\"} -1.5e+03\na 2 1700000000000\n") }
    }
}
