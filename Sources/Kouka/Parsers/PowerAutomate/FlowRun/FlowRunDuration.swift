import Foundation

/// A cloud flow run's `duration` (seconds) checked against its end less its start.
enum FlowRunDuration {
    /// How far the two may differ: 2 s (the times are written to the second or finer, the duration rounded),
    /// or 1 % of the run for a long one. A duration in milliseconds is a thousand times off, far outside.
    static func tolerance(span: Double) -> Double { max(2, span / 100) }

    /// The run's machine seconds: end less start (`span`) when known, checked against `stated`; else `stated`;
    /// nil when neither is given. Throws for a duration that is not a number of seconds, or that disagrees.
    static func machineSeconds(stated text: String, span: Double?) throws(RowProblem) -> Double? {
        let trimmed = text.trimmingSpaces()
        guard !trimmed.isEmpty else { return span }
        guard let stated = DecimalText.plainNumber(trimmed), stated.isFinite, stated >= 0, stated <= CSVRow.largestPlausible else {
            throw RowProblem("duration \(trimmed.prefix(20)) is not a number of seconds written as plain digits (no thousands separator, no E notation, which keeps only the digits a spreadsheet showed); export the column unformatted")
        }
        guard let span else { return stated }
        guard abs(stated - span) <= tolerance(span: span) else {
            throw RowProblem("duration \(Self.text(stated)) s and endtime − starttime \(Self.text(span)) s disagree by more than "
                + "\(Self.text(tolerance(span: span))) s (the larger of 2 s and 1 % of the run): Kouka does not choose one; check the export (a duration in milliseconds is another unit)")
        }
        return span
    }

    private static func text(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
