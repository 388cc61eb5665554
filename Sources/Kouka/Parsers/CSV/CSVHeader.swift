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
    /// The columns (1-based) under each normal name.
    private let normalColumns: [String: [Int]]

    package init(names: [String]) {
        self.names = names
        let layout = Self.layout(of: names)
        namedCount = layout.namedCount
        index = layout.index
        normalColumns = layout.normalColumns
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
            let columns = normalColumns[Self.normalize(name)] ?? []
            return columns.count > 1 ? (name, columns) : nil
        }
    }

    /// The names in `required` that the header lacks.
    package func missing(_ required: [String]) -> [String] { required.filter { column($0) == nil } }

    static func normalize(_ name: String) -> String {
        let key = ExactText(name)
        if let known = normalized.withLock({ $0[key] }) { return known }
        let normal = name.compatibilityNormalized.trimmingSpacesAndNewlines().lowercased()
        normalized.withLock { if $0.count < cacheLimit { $0[key] = normal } }
        return normal
    }

    /// What a header's names give, worked out once for each header seen: every daily file of an export has the same
    /// header, and working it out again (NFKC through Foundation, and every Japanese name hashed through NFC) cost a
    /// tenth of reading a city's 18,260 daily WinActor files. Each header keeps its own copy of the reference
    /// (`ThreadCopies`); what it refers to is only read.
    private struct Layout: Sendable {
        var namedCount: Int
        var index: [String: Int]
        var normalColumns: [String: [Int]]
    }

    private static func layout(of names: [String]) -> Layout {
        let key = names.map(ExactText.init)
        if let known = layouts.withLock({ $0[key] }) { return known }
        var layout = Layout(namedCount: (names.lastIndex { !$0.trimmingSpaces().isEmpty } ?? -1) + 1, index: [:], normalColumns: [:])
        for (i, name) in names.enumerated() {
            let normal = normalize(name)
            if layout.index[normal] == nil { layout.index[normal] = i }
            layout.normalColumns[normal, default: []].append(i + 1)
        }
        layouts.withLock { if $0.count < cacheLimit { $0[key] = layout } }
        return layout
    }

    /// The names normalised so far, and the headers worked out so far. Bounded, so that files of ever new names cannot make
    /// them grow without end.
    private static let normalized = Mutex<[ExactText: String]>([:])
    private static let layouts = Mutex<[[ExactText]: Layout]>([:])
    private static let cacheLimit = 4096
}
