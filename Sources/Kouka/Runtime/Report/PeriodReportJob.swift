import Foundation
import Logging

/// `kouka-report --period 2021-2025`: the whole policy period as a report set of its own,
/// `<output>/period-2021-2025/kouka-period-2021-2025.{html,json,md,csv,xlsx}`, every figure from the same
/// yearly reports `kouka-report --fiscal-year` writes.
package struct PeriodReportJob {
    package var configuration: Configuration
    package var years: ClosedRange<Int>
    /// Output folder, generation time, Shift_JIS CSV and today, as for a yearly report (`period` is unused).
    package var options: ReportOptions
    package var logger: Logger

    package init(configuration: Configuration, years: ClosedRange<Int>, options: ReportOptions, logger: Logger) {
        self.configuration = configuration
        self.years = years
        self.options = options
        self.logger = logger
    }

    /// Builds the report without writing it.
    package func build() throws -> PeriodReport {
        try build(besides: [])
    }

    /// The report, once the sets `neighbours` (JSON) are found to be ones a report from this store does not contradict.
    private func build(besides neighbours: [String]) throws -> PeriodReport {
        let today = options.today ?? configuration.clock.localDate(of: options.generatedAt)
        let stamp = ReportJob(configuration: configuration, options: options, logger: logger).stamp
        return try ReportContext.reading(configuration: configuration, today: today) { context in
            try ReportJob.checkReplacing(neighbours.map { ($0, false) }, context: context, clock: configuration.clock)
            // Every year of the policy period, each read from the same rollups (as `ReportJob.build`).
            _ = try context.keepingEveryRollup()
            let period = try context.policyPeriod(years, stamp: stamp)
            let path = period.path.flatMap { path in path.years.contains { years.contains($0.fiscalYear) } ? path : nil }
            var report = PeriodReport(
                generatedAt: stamp, koukaVersion: KoukaVersion.current, timezone: configuration.clock.zone.identifier, table: period.table,
                targetPath: path, newSystems: years.compactMap { period.reports[$0]?.newSystems },
                catalogPath: context.catalogPath, catalogSHA256: context.catalogSHA256)
            report.aiTasksMinimumUses = configuration.minimumAIUses
            report.officeHours = configuration.officeHoursSetting
            return report
        }
    }

    /// Builds and writes the report set; returns the summary for stdout.
    package func run() throws -> PeriodReportSummary {
        // A period set lists no files: the years' and months' sets beside it do, and a store lacking files they counted is an
        // older copy, whose period report would state less for their days (helper-105 #4).
        let report = try build(besides: try ReportJob.setsBeside(in: options.outputFolder ?? configuration.outputPath))
        let texts = try PeriodReportRendering.texts(report, shiftJIS: options.shiftJISCSV)
        ShiftJISCopies.warn(texts, logger: logger)
        let set = try ReportSetWriter(outputFolder: options.outputFolder ?? configuration.outputPath, name: report.stem, logger: logger)
        for (name, data) in texts { try set.add(data, named: name) }
        try set.add(named: PeriodReportRendering.workbookName(report)) { temporary in
            do {
                try PeriodReportWriter.xlsx(report, to: temporary, created: options.generatedAt)
            } catch let error as XLSXError {
                throw OutputError(path: (set.folder as NSString).appendingPathComponent(PeriodReportRendering.workbookName(report)), reason: error.reason)
            }
        }
        let written = try set.commit()
        for path in written { logger.info("report written", metadata: ["file": "\(path)"]) }
        return PeriodReportSummary(from: years.lowerBound, to: years.upperBound, label: report.label, folder: set.folder, files: written,
                                   asOf: report.table.asOf, years: report.table.years, exitCode: .done)
    }
}

/// The JSON document `kouka-report --period` prints on stdout.
package struct PeriodReportSummary: Sendable, Codable, Hashable {
    package var job = "kouka-report"
    package var from: Int
    package var to: Int
    package var label: String
    package var folder: String
    package var files: [String]
    package var asOf: String
    package var years: [PolicyYearLine]
    package var exitCode: KoukaExitCode
}
