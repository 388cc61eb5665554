import Foundation
import Logging

/// `kouka-audit`: target against actual, metric by metric, for every fiscal year with targets; the run
/// passes (exit 0) when every target of the asked year is met, fails (exit 1) when any is not, and stops (64) when
/// the configuration sets no target for the asked year.
package struct TargetAudit {
    package var configuration: Configuration
    package var fiscalYear: FiscalYear

    package init(configuration: Configuration, fiscalYear: FiscalYear) {
        self.configuration = configuration
        self.fiscalYear = fiscalYear
    }

    package func run() throws -> TargetAuditSummary {
        // A year without targets has nothing to pass or fail: exit 1 ("not met") would be a finding about the city's
        // figures when it is a question about the configuration.
        let askedTargets = configuration.targets.years[fiscalYear.startYear]
        guard askedTargets?.rpaHours != nil || askedTargets?.aiTasks != nil || askedTargets?.newSystems != nil else {
            let withTargets = configuration.targets.years.filter { $0.value.rpaHours != nil || $0.value.aiTasks != nil || $0.value.newSystems != nil }
                .keys.sorted().map(String.init).joined(separator: ", ")
            throw ConfigurationError(path: configuration.path, message: "no targets are set for \(fiscalYear.japaneseLabel) (fiscal year \(fiscalYear.startYear)): set them under [targets.\(fiscalYear.startYear)], or ask for a year that has them (\(withTargets.isEmpty ? "none has" : withTargets))")
        }
        let years = Set(configuration.targets.years.keys).union([fiscalYear.startYear]).sorted()
        let lines = try ReportContext.reading(configuration: configuration) { context in
            // Every year with targets, each read from the same rollups (as `ReportJob.build`).
            if years.count > 1 { _ = try context.keepingEveryRollup() }
            return try years.map { year in
                let report = try context.report(.fiscalYear(FiscalYear(year)), generatedAt: "", previous: nil)
                let unrecorded = [("rpa-hours", true), ("ai-tasks", false)].filter { !PolicyPeriodBuilder.hasRecords(report, rpa: $0.1) }.map(\.0)
                return TargetAuditSummary.Year(fiscalYear: year, label: report.label, targets: report.targets, newSystems: report.newSystems,
                                               unrecorded: unrecorded.isEmpty ? nil : unrecorded,
                                               notBegun: FiscalYear(year).firstDay > context.asOf ? true : nil)
            }
        }
        let askedYear = lines.first { $0.fiscalYear == fiscalYear.startYear }
        let asked = askedYear?.targets ?? []
        // A target that cannot be checked (new systems without a register) is not met: only a target of 0 is.
        // A target above 0 of a metric the year's logs hold no record of cannot be checked either.
        let allMet = !asked.isEmpty && asked.allSatisfy(\.met)
            && NewSystemsAudit.checked(askedYear?.newSystems)
        return TargetAuditSummary(fiscalYear: fiscalYear.startYear, years: lines, allMet: allMet,
                                  exitCode: allMet ? .done : .doneWithFindings)
    }

    /// What the 達成 column says of a year not begun, as the period table's "—" for a year ahead.
    static let notBegun = "—（年度前）"

    /// The summary as a tab-separated table for people.
    package static func table(_ summary: TargetAuditSummary) -> String {
        var out = "年度\t指標\t目標\t実績\t達成\n"
        for year in summary.years {
            for t in year.targets {
                let decimals = t.metric == "rpa-hours" ? "%.2f" : "%.0f"
                // No log of the year holds a record of the metric's tools: neither 0 nor 未達成 (`TargetLine.actual`).
                let actual = t.actual.map { String(format: decimals, $0) } ?? PeriodTableText.noRecords
                out += "\(year.label)\t\(t.label)\t\(String(format: decimals, t.target))\t\(actual)\t\(year.notBegun == true ? Self.notBegun : TargetText.met(t))\n"
            }
            out += NewSystemsAudit.tableLines(year)
        }
        return out
    }
}
