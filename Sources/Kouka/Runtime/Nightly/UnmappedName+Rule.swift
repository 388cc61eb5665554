
extension NightlySummary.UnmappedName {
    /// Whether the runs of `key` are listed as an unmapped name for a person to look at: the catalog has no row for
    /// them, and they are not uses their parser could put under no task that did not succeed (`unclassified`,
    /// `LogParser.unclassifiedNames`: a chatbot's fallback question), for which no catalog row is missing. One rule for the
    /// run that reads a file and for the run that states what a run that did not finish left unstated.
    static func isListed(_ key: RollupKey, catalogRows: inout CatalogRows, unclassified: Set<String>) -> Bool {
        catalogRows.entry(for: key.taskName, system: key.family, on: key.date) == nil && !(key.outcome != .success && unclassified.contains(key.taskName))
    }

    /// The unclassified names of each format's sources, for a run that knows a file by its format only.
    static func unclassifiedByFormat(_ sources: [SourceSpec]) -> [String: Set<String>] {
        Dictionary(sources.map { ($0.format, $0.parser.unclassifiedNames) }, uniquingKeysWith: { $0.union($1) })
    }
}
