/// Figures could not be computed without leaving something out: nothing is returned rather than a figure that
/// quietly lacks part of the logs.
public enum MeasureError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Files nothing of which could be counted (not the format they were given as, unreadable), by path,
    /// with why. Check each file's format, or leave the file out.
    case filesNotCounted([String: String])
    /// The fiscal year is outside 2000–2100.
    case fiscalYearOutOfRange(Int)

    /// The message, with every file not counted and why, or the year refused.
    public var description: String {
        switch self {
        case let .filesNotCounted(files):
            let list = files.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "; ")
            return "\(files.count) file(s) could not be counted, so no figure was computed — \(list)"
        case let .fiscalYearOutOfRange(year):
            return "fiscal year \(year) is not one Kouka measures; give the calendar year the fiscal year begins in, 2000–2100"
        }
    }
}
