extension CSVHeader {
    /// The header row `record` of a log, checked: it is not broken, it has every `required` column, and no column the
    /// parser reads (`read`) heads two columns. A column named twice would be read from its first copy only, and a row
    /// whose value is in the other would count what the first holds, unsaid (helper-85's duplicate-mapped-header.sh:
    /// a run dated by the first `start`, in another fiscal year); the file is refused instead, as the catalog is.
    static func checked(_ record: CSVRecord, context: ParseContext, format: String, required: [String], read: [String]) throws -> CSVHeader {
        if let defect = record.defect {
            throw FormatMismatch(path: context.displayPath, format: format, reason: "the header on line \(record.line) is broken: \(defect.reason)")
        }
        let found = CSVHeader(names: (0..<record.count).map { record.string(at: $0) ?? "" })
        let missing = found.missing(required)
        guard missing.isEmpty else {
            throw FormatMismatch(path: context.displayPath, format: format,
                                 reason: "header on line \(record.line) lacks column(s) \(missing.joined(separator: ", "))")
        }
        var names: [String] = []
        for name in required + read where !names.contains(name) { names.append(name) }
        if let (name, columns) = found.repeated(names).first {
            throw FormatMismatch(path: context.displayPath, format: format, reason: """
                the header on line \(record.line) names column \(name) \(columns.count) times (columns \(columns.map(String.init).joined(separator: ", "))): \
                which one holds the value cannot be told; export the file with each column once
                """)
        }
        return found
    }
}
