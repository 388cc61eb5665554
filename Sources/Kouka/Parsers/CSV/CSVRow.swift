import Foundation

/// A data row read against its header, with field access that names the column in every problem.
struct CSVRow {
    /// No run handles or lasts more than this (a billion items or seconds); larger values are export errors.
    static let largestPlausible = 1e9

    let record: CSVRecord
    let header: CSVHeader
    /// Logs that can hold what citizens wrote never quote a field's value in a rejection.
    let redactsValues: Bool

    /// The trimmed text of `column` for dating a row that is rejected: "" when there is no such column or its bytes
    /// are not valid text, so that a row rejected for another field keeps the date its time columns give, and one
    /// whose time cannot be read is dated unknown (in no period's count, shown in every report).
    func textForDating(_ column: Int?) -> String {
        column.flatMap { record.string(at: $0) }?.trimmingCharacters(in: .whitespaces) ?? ""
    }

    /// `: value` for a message, or nothing when values are withheld.
    func quoted(_ value: String) -> String { redactsValues ? Self.withheld : ": \(value.prefix(30))" }
    /// What a message says in place of a value of a log that may hold what a citizen wrote.
    static let withheld = " (value withheld)"

    /// Refuses a row that holds a value beyond the header's last column. Its fields no longer line up with the header:
    /// most often a number written with an unquoted thousands separator (`1,200` read as `1` and `200`), which
    /// would count 1 where the export says 1,200 (helper-85's extra-fields-row-accepted.sh). Empty fields after
    /// the last column (a trailing comma, as some exports write every row) hold nothing and are passed over.
    func checkWidth(checking file: String = "export") throws(RowProblem) {
        guard record.valuedFields > header.names.count else { return }
        throw RowProblem("""
            the row has \(record.count) fields where the header has \(header.names.count) columns, and field \(record.valuedFields) holds a value: \
            a value with an unquoted comma (such as 1,200) moves the fields after it; check the \(file)
            """)
    }

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
        let value = try text(index)
        if value.isEmpty { return nil }
        guard let number = DecimalText.number(grouped: value), number.isFinite, number >= 0 else {
            throw RowProblem("column \(header.names[index]) is not a non-negative number\(quoted(value))")
        }
        guard number <= Self.largestPlausible else {
            throw RowProblem("column \(header.names[index]) is more than any one run can hold\(quoted(value)); check the export")
        }
        return number
    }
}
