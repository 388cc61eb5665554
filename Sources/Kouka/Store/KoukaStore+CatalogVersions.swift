/// The task catalog's versions as nightly runs found them (`catalog_versions`, `CatalogHistory`).
extension KoukaStore {
    /// The last version kept: its digest and its rows as JSON; nil when none was (a store from before 0.5.5).
    func lastCatalogVersion() throws -> (digest: String, rows: String)? {
        var last: (String, String)?
        try db.prepare("SELECT digest, rows FROM catalog_versions ORDER BY id DESC LIMIT 1", reading: "catalog_versions").query {
            last = (try $0.text(0), try $0.text(1))
        }
        return last
    }

    /// Keeps a new version, first met by nightly run `run`.
    func recordCatalogVersion(digest: String, rows: String, run: Int64?) throws {
        try db.prepare("INSERT INTO catalog_versions (digest, first_run, rows) VALUES (?, ?, ?)")
            .run([.text(digest), run.map { .integer($0) } ?? .null, .text(rows)])
    }

    /// The rows of every version kept, as JSON, oldest first.
    func catalogVersionRows() throws -> [String] {
        var rows: [String] = []
        try db.prepare("SELECT rows FROM catalog_versions ORDER BY id", reading: "catalog_versions").query { rows.append(try $0.text(0)) }
        return rows
    }
}
