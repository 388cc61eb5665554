import Foundation

/// A data row read against its header, with field access that names the column in every problem.
struct CSVRow {
    /// No run handles or lasts more than this (a billion items or seconds); larger values are export errors.
    static let largestPlausible = 1e9

    let record: CSVRecord
    let header: CSVHeader

    /// The trimmed text of column `index`; "" when the row is short.
    func text(_ index: Int) throws(RowProblem) -> String {
        guard let value = record.string(at: index) else {
            throw RowProblem("column \(header.names[index]) is not valid \(record.encoding.rawValue) text")
        }
        return value.trimmingCharacters(in: .whitespaces)
    }

    /// The text of column `index`, which must not be empty.
    func required(_ index: Int) throws(RowProblem) -> String {
        let value = try text(index)
        guard !value.isEmpty else { throw RowProblem("column \(header.names[index]) is empty") }
        return value
    }

    /// A non-negative number in column `index`, or nil when the column is absent or empty.
    func number(_ index: Int?) throws(RowProblem) -> Double? {
        guard let index else { return nil }
        let value = try text(index).replacingOccurrences(of: ",", with: "")
        if value.isEmpty { return nil }
        guard let number = Double(value), number.isFinite, number >= 0 else {
            throw RowProblem("column \(header.names[index]) is not a non-negative number: \(value.prefix(20))")
        }
        guard number <= Self.largestPlausible else {
            throw RowProblem("column \(header.names[index]) is \(value.prefix(20)), more than any one run can hold; check the export")
        }
        return number
    }
}
