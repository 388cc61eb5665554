/// Two rows of different tasks, in force on a common day, with patterns that can both match one name and
/// neither more specific: the catalog does not say which task such a run is, so it cannot be used.
package struct CatalogConflict: Sendable, Hashable {
    /// The row further down the catalog.
    package var row: CatalogEntry
    package var pattern: String
    /// The row above it that claims the same names.
    package var other: CatalogEntry
    package var otherPattern: String
    /// `same`, `crossing` or `tooIntricate`: never an order.
    package var relation: NamePatternRelation
}
