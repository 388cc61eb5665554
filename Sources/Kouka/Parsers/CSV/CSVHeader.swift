import Foundation

/// The header row of a CSV export: column names to indices. Names are compared after NFKC
/// normalisation and trimming, so `実行時間（秒）` and `実行時間(秒)` are the same column.
///
/// A class, not a struct: every row of a file is read against one header, and a reference is all a row
/// needs to carry.
package final class CSVHeader: Sendable {
    package let names: [String]
    private let index: [String: Int]

    package init(names: [String]) {
        self.names = names
        var index: [String: Int] = [:]
        for (i, name) in names.enumerated() where index[Self.normalize(name)] == nil {
            index[Self.normalize(name)] = i
        }
        self.index = index
    }

    package func column(_ name: String) -> Int? {
        // Parsers ask on every row: most names are already in normal form, so try them as they are first.
        if let found = index[name] { return found }
        return index[Self.normalize(name)]
    }

    /// The names in `required` that the header lacks.
    package func missing(_ required: [String]) -> [String] { required.filter { column($0) == nil } }

    static func normalize(_ name: String) -> String {
        name.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}
