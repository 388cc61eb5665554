/// The catalog rows each log name matches, matched once per name: a report's rollups are a name's days, and
/// matching a name against every pattern of the catalog for each of them was most of a report's time.
/// `entry(for:system:on:)` gives what `TaskCatalog.entry(for:system:on:)` gives.
struct CatalogRows {
    private struct Name: Hashable {
        var name: String
        var system: SystemFamily
    }

    let catalog: TaskCatalog
    private var matched: [Name: CatalogCandidates] = [:]

    init(_ catalog: TaskCatalog) {
        self.catalog = catalog
    }

    /// The row that maps `name` of `system` on `date`, or nil when no row in force matches.
    mutating func entry(for name: String, system: SystemFamily, on date: LocalDate) -> CatalogEntry? {
        let key = Name(name: name, system: system)
        if let candidates = matched[key] { return candidates.entry(on: date) }
        let candidates = catalog.candidates(for: name, system: system)
        matched[key] = candidates
        return candidates.entry(on: date)
    }
}
