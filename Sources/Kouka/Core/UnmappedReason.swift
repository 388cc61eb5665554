/// Why no catalog row maps a log name over the days it was unmapped, as the report states it.
package enum UnmappedReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// No row of the name's system matches it, on any date.
    case noCatalogRow = "no-catalog-row"
    /// Rows match it, but on every unmapped day none of them was in force yet (before its `valid_from`).
    case beforeValidFrom = "before-valid-from"
    /// A row matched it before, but on every unmapped day the row of that task in force no longer lists
    /// it, and no row in force matches it: a newer version of the task dropped the name.
    case noLongerMatched = "no-longer-matched"
    /// Some unmapped days are before any matching row was in force, others after the rows dropped it.
    case beforeValidFromAndNoLongerMatched = "before-valid-from-and-no-longer-matched"
}
