import Foundation

/// How `kouka-report` was asked to run.
package struct ReportOptions: Sendable {
    package var period: ReportPeriod
    /// The output folder (default: the configuration's `output`).
    package var outputFolder: String?
    /// The generation time stated in the reports, in whole seconds (the text states seconds, and so does the workbook:
    /// a fraction would be rounded in one and cut off in the other); fix it to get byte-identical files.
    package var generatedAt: Date {
        didSet { generatedAt = Self.wholeSeconds(generatedAt) }
    }
    /// Also write the CSV tables in Shift_JIS, for older Excel.
    package var shiftJISCSV: Bool
    /// The local date taken as today, for the year-to-date projection (which is as of the day before); by
    /// default the local date of `generatedAt`.
    package var today: LocalDate?

    package init(period: ReportPeriod, outputFolder: String? = nil, generatedAt: Date = Date(), shiftJISCSV: Bool = false, today: LocalDate? = nil) {
        self.period = period
        self.outputFolder = outputFolder
        self.generatedAt = Self.wholeSeconds(generatedAt)
        self.shiftJISCSV = shiftJISCSV
        self.today = today
    }

    private static func wholeSeconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }
}
