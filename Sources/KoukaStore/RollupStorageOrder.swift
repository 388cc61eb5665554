import KoukaCore

/// Rollups in the order of the `rollups` table's primary key (day, department, family, task name, outcome,
/// unit, off-hours; text by its bytes), so that inserting them appends to the table's B-tree.
///
/// A large export has tens of thousands of rollups but a few dozen names: comparing them as text on every
/// step of a sort cost more than inserting them, so each distinct text gets a rank once and the sort
/// compares integers.
enum RollupStorageOrder {
    /// `rollups` sorted for insertion.
    static func sorted(_ rollups: [RollupKey: RollupTotals]) -> [(key: RollupKey, totals: RollupTotals)] {
        var texts: [BytesOf: Int] = [:]
        for key in rollups.keys {
            texts[BytesOf(key.department)] = 0
            texts[BytesOf(key.taskName)] = 0
        }
        for (rank, text) in texts.keys.sorted(by: { $0.text.utf8.lexicographicallyPrecedes($1.text.utf8) }).enumerated() { texts[text] = rank }
        let family = ranks(of: SystemFamily.allCases, \.rawValue), outcome = ranks(of: Outcome.allCases, \.rawValue)
        let unit = ranks(of: EffectUnit.allCases, \.rawValue)
        var rows = rollups.map { key, totals in
            (key: key, totals: totals, rank: Rank(day: key.date.daysSinceEpoch, department: texts[BytesOf(key.department)]!,
                                                  family: family[key.family]!, task: texts[BytesOf(key.taskName)]!,
                                                  outcome: outcome[key.outcome]!, unit: unit[key.unit]!, offHours: key.offHours ? 1 : 0))
        }
        rows.sort { $0.rank < $1.rank }
        return rows.map { ($0.key, $0.totals) }
    }

    /// The position of each case when the cases are ordered by the bytes of their stored text.
    private static func ranks<Case: Hashable>(of cases: [Case], _ text: (Case) -> String) -> [Case: Int] {
        var result: [Case: Int] = [:]
        for (rank, value) in cases.sorted(by: { text($0).utf8.lexicographicallyPrecedes(text($1).utf8) }).enumerated() { result[value] = rank }
        return result
    }

    private struct Rank: Comparable {
        var day, department, family, task, outcome, unit, offHours: Int

        static func < (a: Rank, b: Rank) -> Bool {
            (a.day, a.department, a.family, a.task, a.outcome, a.unit) != (b.day, b.department, b.family, b.task, b.outcome, b.unit)
                ? (a.day, a.department, a.family, a.task, a.outcome, a.unit) < (b.day, b.department, b.family, b.task, b.outcome, b.unit)
                : a.offHours < b.offHours
        }
    }

    /// A text compared and hashed by its UTF-8 bytes: Swift's `String` hashes its Unicode normal form,
    /// which for Japanese names costs many times more than the bytes, and the table's order is by bytes.
    private struct BytesOf: Hashable {
        let text: String

        init(_ text: String) { self.text = text }

        static func == (a: BytesOf, b: BytesOf) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }

        func hash(into hasher: inout Hasher) {
            if let done: Void = text.utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) {
                return done
            }
            for byte in text.utf8 { hasher.combine(byte) }
        }
    }
}
