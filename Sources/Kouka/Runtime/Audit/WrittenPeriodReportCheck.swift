import Foundation

/// A written policy-period report (`<output>/period-2021-2025`): its Markdown, HTML, CSV files and workbook must be what
/// `kouka-report --period` renders from its JSON, and the RPA hours and AI-supported tasks it states for each year that
/// was over when it was made must be that year's report's from the store (`storeYear`). A year's figure can change
/// after the report was made only when logs of that year were read later: the difference says so.
enum WrittenPeriodReportCheck {
    /// Checks every period report set in `outputPath`; `catalogSHA256` and `timezone` are the configuration's now.
    /// `settings`: the uses an AI task needs and the office-hours setting (`Configuration.officeHoursSetting`) now.
    static func compareAll(outputPath: String, catalogSHA256: String, timezone: String, targets: TargetTable,
                           settings: (minimumAIUses: Int, officeHours: String), storeYear: (Int) throws -> YearReport,
                           readSince: (String, String) -> Bool = { _, _ in false },
                           versionRequired: (_ stated: String, _ generatedAt: String) -> String? = { _, _ in nil }, into summary: inout VerifySummary) throws {
        for name in try WrittenReportCheck.periodFolders(in: outputPath) {
            let folder = (outputPath as NSString).appendingPathComponent(name)
            let jsonPath = (folder as NSString).appendingPathComponent("kouka-\(name).json")
            guard let json = FileManager.default.contents(atPath: jsonPath) else {
                throw OutputError(path: jsonPath, reason: "cannot read the written period report to check it")
            }
            summary.reportsChecked.append(jsonPath)
            let years = name.dropFirst("period-".count)
            let report = try WrittenReportRendering.compare(PeriodReport.self, folder: folder, json: json, jsonPath: jsonPath, rerun: "kouka-report --period \(years)",
                                               into: &summary, generatedAt: \.generatedAt, version: \.koukaVersion,
                                               texts: { try PeriodReportRendering.texts($0, shiftJIS: $1) },
                                               workbook: ("kouka-\(name).xlsx", { report, path, created throws(XLSXError) in
                                                   try PeriodReportWriter.xlsx(report, to: path, created: created)
                                               }), versionRequired: versionRequired)
            // A JSON that does not read as a report is named already.
            guard let report else { continue }
            try compareFigures(report, jsonPath: jsonPath, rerun: "kouka-report --period \(years)", catalogSHA256: catalogSHA256, timezone: timezone,
                               settings: settings, targets: targets, storeYear: storeYear, late: { $0.sources.map(\.path).filter { readSince(report.generatedAt, $0) } }, into: &summary)
        }
    }

    /// The years that were over when the report was made, against the store's reports of them.
    private static func compareFigures(_ report: PeriodReport, jsonPath: String, rerun: String, catalogSHA256: String, timezone: String,
                                       settings: (minimumAIUses: Int, officeHours: String), targets: TargetTable, storeYear: (Int) throws -> YearReport, late: (YearReport) -> [String], outdatedBy: String? = nil,
                             into summary: inout VerifySummary) throws {
        // Made with another catalog or in another zone, its figures are still compared: named as outdated when they differ.
        var changed: [String] = []
        if report.catalogSHA256 != catalogSHA256 { changed.append("catalogSHA256") }
        if report.timezone != timezone { changed.append("timezone") }
        // Stated from 0.5.16; a set of an earlier version is named by its version.
        if let uses = report.aiTasksMinimumUses, uses != settings.minimumAIUses { changed.append("aiTasksMinimumUses") }
        if let hours = report.officeHours, hours != settings.officeHours { changed.append("officeHours") }
        // Each year over, under way or ahead as of the day the set states: a closed year made "in-progress" is no longer
        // compared as actual (helper-195 #4), whatever else of it the files people read show.
        if let day = LocalDate(report.table.asOf) {
            for line in report.table.years {
                let expected = PolicyPeriodBuilder.status(of: FiscalYear(line.fiscalYear), asOf: day)
                guard line.status != expected else { continue }
                summary.differences.append(.init(kind: "written-report", subject: jsonPath, field: "table.years[\(line.fiscalYear)].status", found: line.status,
                                                 foundIn: "report", expected: expected, expectedFrom: "report",
                                                 detail: "the period report states its figures as of \(report.table.asOf), and this year's status says otherwise: the report file was edited. Keep the set as evidence, then re-run \(rerun)"))
            }
        }
        let before = summary.differences.count
        try compareYears(report.table.years, version: report.koukaVersion, field: "table.years", jsonPath: jsonPath, rerun: rerun, what: "period report",
                         targets: targets, storeYear: storeYear, late: late, outdatedBy: changed.isEmpty ? nil : changed.joined(separator: ", "), into: &summary)
        try compareNewSystems(report, jsonPath: jsonPath, rerun: rerun, storeYear: storeYear, into: &summary)
        guard !changed.isEmpty else { return }
        if summary.differences.count == before {
            summary.reportsStillHolding.append("\(jsonPath): made before these changed: \(changed.joined(separator: ", ")); every figure it states that verify compares is still what the store gives (its projection and path to the target, made as of its day, are not compared: make it again to see them as of today)")
            return
        }
        // Each value that moved, the report's beside the store's, as the years' sets state theirs (helper-172 #2: both empty).
        let usesMoved = report.aiTasksMinimumUses.map { $0 != settings.minimumAIUses } ?? false
        let hoursMoved = report.officeHours.map { $0 != settings.officeHours } ?? false
        let found = [report.catalogSHA256 != catalogSHA256 ? report.catalogSHA256 : nil, report.timezone != timezone ? report.timezone : nil,
                     usesMoved ? report.aiTasksMinimumUses.map { "\($0)" } : nil, hoursMoved ? report.officeHours : nil]
        let expected = [report.catalogSHA256 != catalogSHA256 ? catalogSHA256 : nil, report.timezone != timezone ? timezone : nil,
                        usesMoved ? "\(settings.minimumAIUses)" : nil, hoursMoved ? settings.officeHours : nil]
        summary.differences.append(.init(kind: "written-report-outdated", subject: jsonPath, field: changed.joined(separator: ", "),
                                         found: found.compactMap { $0 }.joined(separator: ", "), foundIn: "report",
                                         expected: expected.compactMap { $0 }.joined(separator: ", "), expectedFrom: "store",
                                         detail: "the period report was made with another task catalog, time zone, [ai_tasks] minimum_uses or [office_hours] than kouka.toml gives now: re-run \(rerun)"))
    }

    /// Each year's new systems the report lists (`newSystems[…]`: the count, the verdict, the systems), for the years that
    /// were over when it was made, against the store's year as counted from the register now: its go-lives were all past
    /// then, so only an edit, or another register or target, moves them (helper-123: edited, verify exit 0). Another register
    /// or target names the report outdated; the day and the register's path are labels.
    private static func compareNewSystems(_ report: PeriodReport, jsonPath: String, rerun: String, storeYear: (Int) throws -> YearReport,
                                          into summary: inout VerifySummary) throws {
        for line in report.newSystems where report.table.years.first(where: { $0.fiscalYear == line.fiscalYear })?.status == "actual" {
            let expected = try storeYear(line.fiscalYear).newSystems
            let outdated = line.registerSHA256 != expected?.registerSHA256 || line.target != expected?.target
            var written = line, wanted = expected
            written.asOf = ""
            written.register = nil
            wanted?.asOf = ""
            wanted?.register = nil
            let found = try JSONSerialization.jsonObject(with: JSONEncoder().encode(written))
            for d in try ReportComparison.differences(found: found, expected: wanted, path: "newSystems[\(line.fiscalYear)]") {
                summary.differences.append(.init(
                    kind: outdated ? "written-report-outdated" : "written-report", subject: jsonPath, field: d.field, found: d.found, foundIn: "report",
                    expected: d.expected, expectedFrom: "store",
                    detail: outdated
                        ? "the period report was made with another systems register or target than kouka.toml gives now: re-run \(rerun); if kouka.toml and the register were not changed since the report was written, the report file was edited"
                        : "the written period report's new systems for a year that was over are not those the register gives: the report file was edited after it was written; re-run \(rerun)"))
            }
        }
    }

    /// The RPA hours and AI-supported tasks a written table states for each year that was over when it was made, against
    /// the store's report of that year: in a period report, and in the period section of a yearly or month report.
    /// `late` gives the files of a year's store report that a nightly run started after the report was made read: a figure
    /// they change is the report's being older, not an edit (helper-89's late-log-calls-other-reports-edited.sh).
    static func compareYears(_ years: [PolicyYearLine], version: String, field: String, jsonPath: String, rerun: String, what: String,
                             targets: TargetTable, storeYear: (Int) throws -> YearReport, late: (YearReport) -> [String], outdatedBy: String? = nil,
                             into summary: inout VerifySummary) throws {
        summary.differences += try WrittenPolicyYearsCheck.differences(years, targets: targets, field: field, jsonPath: jsonPath, rerun: rerun, what: what,
                                                                      storeYear: storeYear)
        for line in years where line.status == "actual" {
            let store = try storeYear(line.fiscalYear)
            // A year without any record of the tools states no figure (`PolicyYearLine.rpaRecorded`).
            let expected = (rpa: PolicyPeriodBuilder.hasRecords(store, rpa: true) ? store.hoursSaved.bySystem[SystemFamily.rpa.rawValue] ?? 0 : nil,
                            ai: PolicyPeriodBuilder.hasRecords(store, rpa: false) ? store.aiTasks.filter(\.counted).count : nil)
            var found: [(field: String, found: String, expected: String)] = []
            if line.rpaHours != expected.rpa { found.append(("rpaHours", line.rpaHours.map { "\($0)" } ?? "none", expected.rpa.map { "\($0)" } ?? "none")) }
            if line.aiTasks != expected.ai { found.append(("aiTasks", line.aiTasks.map { "\($0)" } ?? "none", expected.ai.map { "\($0)" } ?? "none")) }
            let read = found.isEmpty ? [] : late(store)
            // A report another Kouka version wrote may state by its rules (0.4.5 states no figure for a year without logs):
            // named as outdated, with both explanations, as a yearly report is.
            let otherVersion = version != KoukaVersion.current
            let detail = if otherVersion {
                "the \(what) was written by Kouka \(version), whose rules may differ from this version's (\(KoukaVersion.current)): re-run \(rerun); if Kouka was not upgraded since the report was written, the report file was edited"
            } else if let outdatedBy {
                "the \(what) states another figure than the store gives now, and was made before these changed: \(outdatedBy). If that change moves this figure, re-run \(rerun); if it cannot, the report or the store was changed after the report was written"
            } else if !read.isEmpty {
                "the \(what) was made before the nightly run that read \(read.count) file(s) of \(line.label) (\(read.prefix(3).joined(separator: ", "))): re-run \(rerun); if those files hold nothing of \(line.label) that was not there before, the report or the store was changed after the report was written"
            } else {
                "the written \(what)'s figure for \(line.label) is not the store's, and no nightly run started after the report's generatedAt read a file of \(line.label): the report or the store was changed after the report was written (the store's own differences, if any, say which)"
            }
            for (name, value, wanted) in found {
                summary.differences.append(.init(
                    kind: otherVersion || !read.isEmpty || outdatedBy != nil ? "written-report-outdated" : "written-report", subject: jsonPath,
                    field: "\(field)[\(line.fiscalYear)].\(name)", found: value, foundIn: "report", expected: wanted, expectedFrom: "store", detail: detail))
            }
        }
    }
}
