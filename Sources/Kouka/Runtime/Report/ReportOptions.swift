import Foundation

/// How `kouka-report` was asked to run.
package struct ReportOptions: Sendable {
    package var period: ReportPeriod
    /// The output folder (default: the configuration's `output`).
    package var outputFolder: String?
    /// The generation time stated in the reports; fix it to get byte-identical files.
    package var generatedAt: Date
    /// Also write the CSV tables in Shift_JIS, for older Excel.
    package var shiftJISCSV: Bool
    /// The local date taken as today, for the year-to-date projection (which is as of the day before); by
    /// default the local date of `generatedAt`.
    package var today: LocalDate?

    package init(period: ReportPeriod, outputFolder: String? = nil, generatedAt: Date = Date(), shiftJISCSV: Bool = false, today: LocalDate? = nil) {
        self.period = period
        self.outputFolder = outputFolder
        self.generatedAt = generatedAt
        self.shiftJISCSV = shiftJISCSV
        self.today = today
    }
}
