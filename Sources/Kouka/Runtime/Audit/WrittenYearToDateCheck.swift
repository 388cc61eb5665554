
/// A written month report's year-to-date section (年度累計: April 1 through the month's end, or through the store's last
/// complete day when the report was made before it) against the store's figures for the same days: its hours, its
/// targets' actuals and its projection. The rest of the report is compared as a year's is; this section depends on the
/// day the report was made, which it states as the day it runs through.
enum WrittenYearToDateCheck {
    /// Names each field of `written` (decoded from the JSON; `json` is the same section as parsed) that is not what
    /// `storeYearToDate` gives for `month` as of the day the report was made.
    static func compare(_ written: YearToDate, json: Any?, month: ReportPeriod, version: String?, jsonPath: String, rerun: String,
                        storeYearToDate: (ReportPeriod, LocalDate) throws -> YearToDate?, late: [String] = [], outdatedBy: String? = nil,
                        into summary: inout VerifySummary) throws {
        let year = month.fiscalYear
        guard let through = LocalDate(written.through), through <= month.lastDay else {
            summary.differences.append(.init(kind: "written-report", subject: jsonPath, field: "yearToDate.through", found: written.through, foundIn: "report",
                                             expected: "a day on or before \(month.lastDay)", expectedFrom: "store",
                                             detail: "the written month report's year-to-date section does not run through a day of its month: the report file was edited; re-run \(rerun)"))
            return
        }
        // The day the report was made as of is the day the section runs through; or, when it runs through the month's
        // end and projects nothing before March 31, a day after the fiscal year had ended (its figure was then known).
        let asOf = written.projection == nil && through == month.lastDay && through < year.lastDay ? year.lastDay.adding(days: 1) : through
        let expected = try storeYearToDate(month, asOf)
        // The year's targets changed in kouka.toml since the month's report was made: outdated, not edited (helper-86).
        let changed = WrittenReportSettings.targets((json as? [String: Any])?["targets"], expected?.targets ?? [], field: "yearToDate.targets")
        for change in changed {
            summary.differences.append(.init(kind: "written-report-outdated", subject: jsonPath, field: change.name, found: change.found, foundIn: "report",
                                             expected: change.expected, expectedFrom: "configuration",
                                             detail: "the month report was made with other targets than kouka.toml gives now: re-run \(rerun); if kouka.toml was not changed since the report was written, the report file was edited"))
        }
        // Its figures are still compared: named as outdated when the targets changed, as a year's are.
        let settled = Set(changed.map(\.name))
        for d in try ReportComparison.differences(found: json, expected: expected, path: "yearToDate") where !settled.contains(d.field) {
            let otherVersion = version != KoukaVersion.current
            summary.differences.append(.init(
                // What made the report itself outdated (its catalog, a setting) explains its section too (helper-153 #2: a catalog
                // corrected named the year's closing month set as edited).
                kind: otherVersion || !late.isEmpty || !changed.isEmpty || outdatedBy != nil ? "written-report-outdated" : "written-report", subject: jsonPath, field: d.field,
                found: d.found, foundIn: "report", expected: d.expected, expectedFrom: "store",
                detail: outdatedBy.map { "the month report was made before these changed: \($0); its year-to-date figure (April 1 through \(through)) is not the store's now: if that change moves this figure, re-run \(rerun); if it cannot, the report or the store was changed after the report was written" } ?? (otherVersion
                    ? "the month report was written by Kouka \(version ?? "of no stated version"), whose rules may differ from this version's (\(KoukaVersion.current)): re-run \(rerun); if Kouka was not upgraded since the report was written, the report file was edited"
                    : "the written month report's year-to-date figure (April 1 through \(through)) is not the store's for those days: if logs of those days were read after the report was made, re-run \(rerun); if not, the report or the store was changed after the report was written (the store's own differences, if any, say which)")))
        }
    }
}
