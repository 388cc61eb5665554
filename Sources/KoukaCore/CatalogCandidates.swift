/// The catalog rows that can map one log name, found by matching the name once: which of them maps it
/// then depends only on the date. A store holds a name's rollups for hundreds of days, so the nightly job
/// and the report builder ask for a name's candidates once and for each day's row from them.
public struct CatalogCandidates: Sendable {
    struct Candidate: Sendable {
        var entry: CatalogEntry
        /// Whether one of the row's patterns is the name itself, not a wildcard.
        var exact: Bool
        /// The `valid_from` of the task's next row for the same system: this row is in force before it.
        var supersededOn: LocalDate?
    }

    let candidates: [Candidate]

    /// The row that maps the name on `date`: among the rows in force, an exact name beats a wildcard and an
    /// earlier catalog row beats a later one; nil when none is in force.
    public func entry(on date: LocalDate) -> CatalogEntry? {
        var globMatch: CatalogEntry? = nil
        for candidate in candidates where candidate.entry.validFrom <= date && candidate.supersededOn.map({ date < $0 }) ?? true {
            if candidate.exact { return candidate.entry }
            if globMatch == nil { globMatch = candidate.entry }
        }
        return globMatch
    }
}
