/// The catalog rows that can map one log name, found by matching the name once: which of them maps it
/// then depends only on the date. A store holds a name's rollups for hundreds of days, so the nightly job
/// and the report builder ask for a name's candidates once and for each day's row from them.
package struct CatalogCandidates: Sendable {
    struct Candidate: Sendable {
        var entry: CatalogEntry
        /// The `valid_from` of the task's next row for the same system: this row is in force before it.
        var supersededOn: LocalDate?
        /// The candidates (indices) of other tasks with a pattern for the name more specific than every
        /// pattern of this row that matches it: whenever one of them is in force, this row does not map it.
        var beatenBy: [Int]

        func isInForce(on date: LocalDate) -> Bool {
            entry.validFrom <= date && supersededOn.map { date < $0 } ?? true
        }
    }

    let candidates: [Candidate]

    /// The row that maps the name on `date`: among the rows in force, the one whose matching pattern is the
    /// most specific (an exact name beats any wildcard; `国保資格*` beats `国保*`), whatever their dates or
    /// order; nil when none is in force.
    ///
    /// `TaskCatalogLoader` refuses catalogs in which two tasks could both match a name with neither more
    /// specific (see `TaskCatalog.conflicts`); only a catalog built without that check can reach the
    /// fallback here, which takes the earlier catalog row.
    package func entry(on date: LocalDate) -> CatalogEntry? {
        let inForce = candidates.indices.filter { candidates[$0].isInForce(on: date) }
        let unbeaten = inForce.first { index in !candidates[index].beatenBy.contains { inForce.contains($0) } }
        return (unbeaten ?? inForce.first).map { candidates[$0].entry }
    }

    /// Why the name is unmapped from `first` through `last`, the first and last days no row mapped it.
    package func unmappedReason(from first: LocalDate, through last: LocalDate) -> UnmappedReason {
        // Before the earliest matching row starts, no row could map the name; on an unmapped day after
        // it, that row (or its task's later rows that still listed the name) has been replaced by a version
        // without the name, since a matching row in force would have mapped it.
        guard let start = candidates.map(\.entry.validFrom).min() else { return .noCatalogRow }
        if last < start { return .beforeValidFrom }
        if first >= start { return .noLongerMatched }
        return .beforeValidFromAndNoLongerMatched
    }
}
