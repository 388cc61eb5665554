/// Two rows of different tasks, in force on a common day, with patterns that can both match one name and
/// neither more specific: the catalog does not say which task such a run is, so it cannot be used.
public struct CatalogConflict: Sendable, Hashable {
    /// The row further down the catalog.
    public var row: CatalogEntry
    public var pattern: String
    /// The row above it that claims the same names.
    public var other: CatalogEntry
    public var otherPattern: String
    /// `same`, `crossing` or `tooIntricate`: never an order.
    public var relation: NamePatternRelation
}
