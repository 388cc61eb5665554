
/// One department's name however a log writes it: a log's department column (`担当課`) that gives `ＤＸ推進課` where the
/// catalog has `DX推進課`, or ` 市民課 ` with spaces, is the catalog's department. Kept as two names, the department's
/// hours were split over two lines, ranked apart, neither its own (helper-130, exit 0). A name the catalog lacks is shown in
/// its compatibility form, the same whichever year or log it came from, so that years compare.
struct DepartmentSpellings {
    private let catalogNames: [String: String]
    private var known: [ExactText: String] = [:]

    init(catalog: TaskCatalog) {
        // The catalog writes a department one way (`CatalogSpelledOneWay`): its first row's spelling is every row's.
        var names: [String: String] = [:]
        for row in catalog.entries.sorted(by: { $0.line < $1.line }) where names[Self.key(row.department)] == nil {
            names[Self.key(row.department)] = row.department
        }
        catalogNames = names
    }

    /// The identity of a department's name: letters of either width and case, and spaces around it, alike.
    static func key(_ name: String) -> String { name.compatibilityNormalized.trimmingSpacesAndNewlines().lowercased() }

    /// The spelling `name` is shown and summed under.
    mutating func name(of name: String) -> String {
        let exact = ExactText(name)
        if let found = known[exact] { return found }
        let found = catalogNames[Self.key(name)] ?? name.compatibilityNormalized.trimmingSpaces()
        known[exact] = found
        return found
    }
}
