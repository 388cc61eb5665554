import Foundation

/// The catalog's optional `expected_units_per_year`: the yearly volume a task not yet in production is
/// expected to handle, in the unit its logs will count. Reports turn it into planned hours (見込み) from the
/// task's `production_from`; without that date there is no start to count from, so the value is refused.
enum CatalogExpectedVolume {
    static let column = "expected_units_per_year"

    static func read(_ row: CSVRow, productionFrom: LocalDate?) throws(RowProblem) -> Double? {
        guard let index = row.header.column(column) else { return nil }
        let text = try row.text(index)
        if text.isEmpty { return nil }
        guard !DecimalText.isExponential(text) else {
            throw RowProblem("\(column) \(text) is written in E notation, which keeps only the digits a spreadsheet showed; write the units the task is expected to handle in a year as digits")
        }
        // A comma only groups thousands (`1,200`): `36,5` was read as 365 (helper-102 #7).
        guard let value = DecimalText.number(grouped: text), value.isFinite, value >= 0 else {
            throw RowProblem("\(column) \(text) is not a number 0 or more; give the units the task is expected to handle in a year, or leave it empty")
        }
        guard productionFrom != nil else {
            throw RowProblem("\(column) is given but production_from is empty; give the day the task goes into production, or leave \(column) empty")
        }
        return value
    }
}
