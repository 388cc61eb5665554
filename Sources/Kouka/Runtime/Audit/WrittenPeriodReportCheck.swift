import Foundation

/// A written policy-period report (`<output>/period-2021-2025`): its Markdown, HTML, CSV files and workbook must be what
/// `kouka-report --period` renders from its JSON, and the RPA hours and AI-supported tasks it states for each year that
/// was over when it was made must be that year's report's from the store (`storeYear`). A year's figure can change
/// after the report was made only when logs of that year were read later: the difference says so.
enum WrittenPeriodReportCheck {
    /// Checks every period report set in `outputPath`; `catalogSHA256` and `timezone` are the configuration's now.
    static func compareAll(outputPath: String, catalogSHA256: String, timezone: String, storeYear: (Int) throws -> YearReport,
                           into summary: inout VerifySummary) throws {
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
                                               }))
            // A JSON that does not read as a report is named already.
            guard let report else { continue }
            try compareFigures(report, jsonPath: jsonPath, rerun: "kouka-report --period \(years)", catalogSHA256: catalogSHA256, timezone: timezone,
                               storeYear: storeYear, into: &summary)
        }
    }

    /// The years that were over when the report was made, against the store's reports of them.
    private static func compareFigures(_ report: PeriodReport, jsonPath: String, rerun: String, catalogSHA256: String, timezone: String,
                                       storeYear: (Int) throws -> YearReport, into summary: inout VerifySummary) throws {
        if report.catalogSHA256 != catalogSHA256 || report.timezone != timezone {
            let field = report.catalogSHA256 != catalogSHA256 ? "catalogSHA256" : "timezone"
            summary.differences.append(.init(kind: "written-report-outdated", subject: jsonPath, field: field, foundIn: "report", expectedFrom: "store",
                                             detail: "the period report was made with another task catalog or time zone than kouka.toml gives now: re-run \(rerun)"))
            return
        }
        try compareYears(report.table.years, version: report.koukaVersion, field: "table.years", jsonPath: jsonPath, rerun: rerun, what: "period report",
                         storeYear: storeYear, into: &summary)
    }

    /// The RPA hours and AI-supported tasks a written table states for each year that was over when it was made, against
    /// the store's report of that year: in a period report, and in the period section of a yearly or month report.
    static func compareYears(_ years: [PolicyYearLine], version: String, field: String, jsonPath: String, rerun: String, what: String,
                             storeYear: (Int) throws -> YearReport, into summary: inout VerifySummary) throws {
        for line in years where line.status == "actual" {
            let store = try storeYear(line.fiscalYear)
            // A year without any record of the tools states no figure (`PolicyYearLine.rpaRecorded`).
            let expected = (rpa: PolicyPeriodBuilder.hasRecords(store, rpa: true) ? store.hoursSaved.bySystem[SystemFamily.rpa.rawValue] ?? 0 : nil,
                            ai: PolicyPeriodBuilder.hasRecords(store, rpa: false) ? store.aiTasks.filter(\.counted).count : nil)
            var found: [(field: String, found: String, expected: String)] = []
            if line.rpaHours != expected.rpa { found.append(("rpaHours", line.rpaHours.map { "\($0)" } ?? "none", expected.rpa.map { "\($0)" } ?? "none")) }
            if line.aiTasks != expected.ai { found.append(("aiTasks", line.aiTasks.map { "\($0)" } ?? "none", expected.ai.map { "\($0)" } ?? "none")) }
            for (name, value, wanted) in found {
                // A report another Kouka version wrote may state by its rules (0.4.5 states no figure for a year without
                // logs): named as outdated, with both explanations, as a yearly report is.
                let otherVersion = version != KoukaVersion.current
                summary.differences.append(.init(
                    kind: otherVersion ? "written-report-outdated" : "written-report", subject: jsonPath, field: "\(field)[\(line.fiscalYear)].\(name)",
                    found: value, foundIn: "report", expected: wanted, expectedFrom: "store",
                    detail: otherVersion
                        ? "the \(what) was written by Kouka \(version), whose rules may differ from this version's (\(KoukaVersion.current)): re-run \(rerun); if Kouka was not upgraded since the report was written, the report file was edited"
                        : "the written \(what)'s figure for \(line.label) is not the store's: if logs of that year were read after the report was made, re-run \(rerun); if not, the report or the store was changed after the report was written (the store's own differences, if any, say which)"))
            }
        }
    }
}
