import Foundation

/// A data row read against its header, with field access that names the column in every problem.
struct CSVRow {
    /// No run handles or lasts more than this (a billion items or seconds); larger values are export errors.
    static let largestPlausible = 1e9

    let record: CSVRecord
    let header: CSVHeader
    /// Logs that can hold what citizens wrote never quote a field's value in a rejection.
    let redactsValues: Bool
    /// A file staff keep in Excel (the catalog, the systems register): line breaks around a cell's text (Alt+Enter at its
    /// end, a cell pasted into the formula bar) are trimmed as spaces are; one inside it is refused where the text is a
    /// name things are counted by (`identity(_:)`).
    let keptByStaff: Bool

    init(record: CSVRecord, header: CSVHeader, redactsValues: Bool, keptByStaff: Bool = false) {
        self.record = record
        self.header = header
        self.redactsValues = redactsValues
        self.keptByStaff = keptByStaff
    }

    /// The trimmed text of `column` for dating a row that is rejected: "" when there is no such column or its bytes
    /// are not valid text, so that a row rejected for another field keeps the date its time columns give, and one
    /// whose time cannot be read is dated unknown (in no period's count, shown in every report).
    func textForDating(_ column: Int?) -> String {
        column.flatMap { record.string(at: $0) }?.trimmingSpaces() ?? ""
    }

    /// `: value` for a message, or nothing when values are withheld.
    func quoted(_ value: String) -> String { redactsValues ? Self.withheld : ": \(value.prefix(30))" }
    /// What a message says in place of a value of a log that may hold what a citizen wrote.
    static let withheld = " (value withheld)"

    /// Refuses a row whose fields no longer line up with the header: one with more fields than the header, or with a
    /// value under a column of no name (after a header's trailing comma). Most often a number was written with an
    /// unquoted thousands separator (`1,200` read as `1` and `200`): every field after it moved one column on, which
    /// counted 1 item where the export says 1,200 (helper-85's extra-fields-row-accepted.sh), and, when the row's last
    /// column was empty, WinActor's `2,180` seconds as 2 (helper-86's wide-row-missed-when-last-column-empty.sh): a row one
    /// field too wide is refused whether or not its last field is empty. Rows of an export that ends every line, its header
    /// too, with a delimiter are as wide as their header, and pass. In a log that may hold what citizens wrote
    /// (`redactsValues`), a row with fewer fields than the header's columns is refused as well.
    func checkWidth(checking file: String = "export") throws(RowProblem) {
        func misaligned(_ what: String) -> RowProblem {
            RowProblem("\(what): a value with an unquoted comma (such as 1,200), or a field left out, moves the fields after it; check the \(file)")
        }
        if record.count > header.names.count { throw misaligned("the row has \(record.count) fields where the header has \(header.names.count)") }
        // In a log that may hold what citizens wrote, a row short of its header's columns may have a question's second half
        // under a name column (an unquoted comma, the empty last field left out): it would be stored and printed as a task
        // name (helper-87's chatbot-short-row-puts-question-in-category.sh).
        if redactsValues, record.count < header.namedCount { throw misaligned("the row has \(record.count) fields where the header has \(header.namedCount)") }
        if record.valuedFields > header.namedCount {
            throw misaligned("field \(record.valuedFields) of the row holds a value where the header names \(header.namedCount) columns")
        }
    }

    /// The trimmed text of column `index`; "" when the row is short. In a log that may hold what citizens wrote, a column
    /// Kouka reads (a category, a session, a time) never runs over several lines: one that does took a citizen's text in
    /// through a quote out of place, and would be stored and printed as a name (helper-165 #1): the row is refused.
    func text(_ index: Int) throws(RowProblem) -> String {
        guard let value = record.string(at: index) else {
            throw RowProblem("column \(header.names[index]) is not valid \(record.encoding.rawValue) text")
        }
        if redactsValues, value.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            throw RowProblem("column \(header.names[index]) runs over several lines: a quote out of place took the lines after it in, and they are not read as rows, as they may be a citizen's text\(Self.withheld) — check the export")
        }
        return keptByStaff ? value.trimmingSpacesAndNewlines() : value.trimmingSpaces()
    }

    /// The text of column `index` where it names what is counted (a task, a department, a system, a log's names): a line
    /// break left inside it made another name that looks the same — one AI task counted as two, one department split in
    /// two, one new system counted twice, each with exit 0 (helper-177). Such a cell refuses its row; text that only
    /// describes (a task's name, a system's evidence) may run over lines (helper-178 #3).
    func identity(_ index: Int) throws(RowProblem) -> String {
        let value = try text(index)
        guard !value.unicodeScalars.contains(where: \.isLineBreak) else {
            throw RowProblem("column \(header.names[index]) holds a line break inside its text (Alt+Enter in Excel): on two lines it is another name than on one, counted apart; put it on one line")
        }
        return value
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
        // A CSV cell is what a spreadsheet showed: in E notation, only the digits it kept (12,345 shown `1.23E+04`).
        guard !DecimalText.isExponential(value) else {
            throw RowProblem("column \(header.names[index]) is written in E notation\(quoted(value)), which keeps only the digits a spreadsheet showed: the number itself is lost; format the column as a number (標準 or 数値) and export it again")
        }
        return number
    }
}
