import Foundation
import Synchronization

/// The header row of a CSV export: column names to indices. Names are compared after NFKC
/// normalisation and trimming, so `実行時間（秒）` and `実行時間(秒)` are the same column.
///
/// A class, not a struct: every row of a file is read against one header, and a reference is all a row
/// needs to carry.
package final class CSVHeader: Sendable {
    package let names: [String]
    /// How many columns run through the last one with a name: fewer than `names` when the header ends with a delimiter
    /// (a trailing comma gives a column of no name, which holds nothing).
    package let namedCount: Int
    private let index: [String: Int]

    package init(names: [String]) {
        self.names = names
        namedCount = (names.lastIndex { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? -1) + 1
        var index: [String: Int] = [:]
        for (i, name) in names.enumerated() {
            let normal = Self.normalize(name)
            if index[normal] == nil { index[normal] = i }
        }
        self.index = index
    }

    package func column(_ name: String) -> Int? {
        // Parsers ask on every row: most names are already in normal form, so try them as they are first.
        if let found = index[name] { return found }
        return index[Self.normalize(name)]
    }

    /// The names of `known` that head more than one column, with those columns (1-based): a row is read from the first,
    /// and what the others hold would be passed over.
    package func repeated(_ known: [String]) -> [(name: String, columns: [Int])] {
        known.compactMap { name in
            let normal = Self.normalize(name)
            let columns = names.indices.filter { Self.normalize(names[$0]) == normal }.map { $0 + 1 }
            return columns.count > 1 ? (name, columns) : nil
        }
    }

    /// The names in `required` that the header lacks.
    package func missing(_ required: [String]) -> [String] { required.filter { column($0) == nil } }

    static func normalize(_ name: String) -> String {
        if let known = normalized.withLock({ $0[name] }) { return known }
        let normal = name.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        normalized.withLock { if $0.count < normalizedLimit { $0[name] = normal } }
        return normal
    }

    /// The names normalised so far. Every file of an export has the same thirty-odd column names, and NFKC through
    /// Foundation cost more than the rows of a day's export (1.7 M instructions a header): a city's 18,260 daily files
    /// normalise them once. Bounded, so that files of ever new names cannot make it grow without end.
    private static let normalized = Mutex<[String: String]>([:])
    private static let normalizedLimit = 4096
}
