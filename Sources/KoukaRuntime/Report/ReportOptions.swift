import Foundation
import KoukaCore
import KoukaReports

/// How `kouka-report` was asked to run.
public struct ReportOptions: Sendable {
    public var period: ReportPeriod
    /// The output folder (default: the configuration's `output`).
    public var outputFolder: String?
    /// The generation time stated in the reports; fix it to get byte-identical files.
    public var generatedAt: Date
    /// Also write the CSV tables in Shift_JIS, for older Excel.
    public var shiftJISCSV: Bool
    /// The local date taken as today, for the year-to-date projection (which is as of the day before); by
    /// default the local date of `generatedAt`.
    public var today: LocalDate?

    public init(period: ReportPeriod, outputFolder: String? = nil, generatedAt: Date = Date(), shiftJISCSV: Bool = false, today: LocalDate? = nil) {
        self.period = period
        self.outputFolder = outputFolder
        self.generatedAt = generatedAt
        self.shiftJISCSV = shiftJISCSV
        self.today = today
    }
}
