import Foundation

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

    /// The count in `role`'s column, a whole number, nil when the role is not mapped. A mapped count column's empty cell
    /// is rejected on a row that succeeded or failed: it says nothing of how many units were saved or need
    /// rework, and taking it for one would invent them. A cancelled row saves and costs nothing whatever
    /// its count: its empty cell is 0.
    func count(_ role: String, outcome: Outcome) throws(RowProblem) -> Double? {
        guard has(role) else { return nil }
        if let count = try number(role) {
            // Items and sheets are counted whole: 2.5 of them is a column that does not hold the count, and 1.000 may be one
            // or, written with a European thousands point, one thousand.
            guard count == count.rounded(.towardZero), !(try text(role)).contains(".") else {
                throw RowProblem("column \(options.columns[role]!) (\(role)) is not a whole number written without a point\(row.quoted(try text(role))): a count of \(role) is whole (1.000 could be one or one thousand); check the export and that the role is mapped to the count column")
            }
            return count
        }
        guard outcome == .cancelled else {
            throw RowProblem("column \(options.columns[role]!) (\(role)) is empty: the row does not say how many it handled; fill it in (0 if none), or unmap the role to count each row as one")
        }
        return 0
    }

    func instant(_ role: String, clock: LocalClock) throws(RowProblem) -> Date {
        let value = try required(role)
        guard let stamp = Timestamp(value) else {
            throw RowProblem("column \(options.columns[role]!) is not a date-time\(row.quoted(value))")
        }
        return stamp.instant(in: clock)
    }

    /// The local day of `role`'s date-time, for a rejected row (`CSVRowDay`); nil when the cell is empty or
    /// not a date-time, and the row's date is unknown.
    func day(_ role: String, clock: LocalClock) -> LocalDate? {
        do throws(RowProblem) {
            return clock.localDate(of: try instant(role, clock: clock))
        } catch {
            return nil
        }
    }

    /// The department the row names, else the source's.
    func department() throws(RowProblem) -> String? {
        let named = try text("department")
        return named.isEmpty ? options.department : named
    }
}
