import Foundation
import KoukaCore

/// A CSV row read through a source's column mapping: fields by role, problems named by column.
struct MappedRow {
    let row: CSVRow
    let options: SourceOptions

    func has(_ role: String) -> Bool { index(role) != nil }

    private func index(_ role: String) -> Int? { options.columns[role].flatMap { row.header.column($0) } }

    /// The text of `role`'s column, "" when the role is not mapped.
    func text(_ role: String) throws(RowProblem) -> String {
        guard let index = index(role) else { return "" }
        return try row.text(index)
    }

    func required(_ role: String) throws(RowProblem) -> String {
        guard let index = index(role) else { throw RowProblem("no column for \(role)") }
        return try row.required(index)
    }

    func number(_ role: String) throws(RowProblem) -> Double? { try row.number(index(role)) }

    func instant(_ role: String, clock: LocalClock) throws(RowProblem) -> Date {
        let value = try required(role)
        guard let stamp = Timestamp(value) else {
            throw RowProblem("column \(options.columns[role]!) is not a date-time\(row.quoted(value))")
        }
        return stamp.instant(in: clock)
    }

    /// Whether `value` is in the configured list `list` (case-insensitive).
    func value(_ value: String, isIn list: String) -> Bool {
        (options.values[list] ?? []).contains { $0.lowercased() == value.lowercased() }
    }

    /// The department the row names, else the source's.
    func department() throws(RowProblem) -> String? {
        let named = try text("department")
        return named.isEmpty ? options.department : named
    }
}
