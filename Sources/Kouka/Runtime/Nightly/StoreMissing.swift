/// The store does not exist, while the report folder holds sets made from one: its volume is not mounted, or it was moved
/// or deleted. Begun anew, the store would count only the logs retention left, and a month's set made from it would state
/// less than the sets before it with exit 0 (helper-188 #2: 450.33 h where the logs had given 550.33); the nightly run
/// stops instead (74) before it creates anything.
package struct StoreMissing: Error, Sendable, Equatable, CustomStringConvertible {
    /// The store's path, as kouka.toml gives it.
    package var database: String
    /// The report folder, and a few of the sets it holds.
    package var output: String
    package var sets: [String]

    package init(database: String, output: String, sets: [String]) {
        self.database = database
        self.output = output
        self.sets = sets
    }

    package var description: String {
        "the store \(database) does not exist, but \(output) holds report sets made from a store (\(sets.prefix(3).joined(separator: ", "))\(sets.count > 3 ? ", …" : "")): its volume may not be mounted, or it was moved or deleted. Nothing was created or read. Mount it or restore it from a backup at the path kouka.toml gives, then run the job again. To build the store again on purpose from the logs still on disk (it counts none that retention removed), run kouka-nightly --new-store once: kouka-report then refuses to replace a set whose files the new store lacks"
    }

    /// The stop for a store at `database` that does not exist, when `output` holds report sets (a year's, a month's or a
    /// policy period's); nil otherwise.
    static func check(database: String, output: String) throws -> StoreMissing? {
        let sets = try WrittenReportCheck.writtenReports(in: output).map(\.stem) + WrittenReportCheck.periodFolders(in: output)
        return sets.isEmpty ? nil : StoreMissing(database: database, output: output, sets: sets.sorted())
    }
}
