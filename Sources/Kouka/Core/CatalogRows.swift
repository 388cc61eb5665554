/// The catalog rows each log name matches, matched once per name: a store holds a name's rollups for hundreds of
/// days, and matching it against every pattern of the catalog for each of them was most of a report's time and a
/// cost on every rollup the nightly job records. `entry(for:system:on:)` gives what `TaskCatalog.entry(for:system:on:)` gives.
struct CatalogRows {
    /// Hashed by its bytes (`ExactText`): the rows are matched from the name itself, so two spellings of one name
    /// are matched once each, alike.
    private struct Name: Hashable {
        var name: ExactText
        var system: SystemFamily
    }

    let catalog: TaskCatalog
    private var matched: [Name: CatalogCandidates] = [:]

    init(_ catalog: TaskCatalog) {
        self.catalog = catalog
    }

    /// The rows of `system` that match `name` (`TaskCatalog.candidates(for:system:)`), matched the first time asked.
    mutating func candidates(for name: String, system: SystemFamily) -> CatalogCandidates {
        let key = Name(name: ExactText(name), system: system)
        if let candidates = matched[key] { return candidates }
        let candidates = catalog.candidates(for: name, system: system)
        matched[key] = candidates
        return candidates
    }

    /// The row that maps `name` of `system` on `date`, or nil when no row in force matches.
    mutating func entry(for name: String, system: SystemFamily, on date: LocalDate) -> CatalogEntry? {
        candidates(for: name, system: system).entry(on: date)
    }
}
