import KoukaCore
@testable import KoukaStore
import Testing

/// `RollupStorageOrder`: rollups are inserted in the order of the table's primary key, text by its bytes.
struct RollupStorageOrderTests {
    @Test func theOrderIsThePrimaryKeysWithTextByItsBytes() {
        typealias F = StoreFixtures
        var rollups: [RollupKey: RollupTotals] = [:]
        let names = ["住民票発行", "ｼﾞｭｳﾐﾝ", "Zeta", "alpha", "住民票", "a"]
        for day in 0..<5 {
            for name in names {
                for department in ["", "市民課", "保険年金課"] {
                    for outcome in Outcome.allCases {
                        rollups[F.key(F.april1.adding(days: day * 17), task: name, department: department, outcome: outcome,
                                      offHours: day % 2 == 0)] = F.totals(day + 1)
                    }
                }
            }
        }
        func bytes(_ key: RollupKey) -> [[UInt8]] {
            [key.date.description, key.department, key.family.rawValue, key.taskName, key.outcome.rawValue, key.unit.rawValue,
             key.offHours ? "1" : "0"].map { Array($0.utf8) }
        }
        let expected = rollups.keys.sorted { a, b in
            let (x, y) = (bytes(a), bytes(b))
            for (p, q) in zip(x, y) where p != q { return p.lexicographicallyPrecedes(q) }
            return false
        }
        let sorted = RollupStorageOrder.sorted(rollups)
        #expect(sorted.map(\.key) == expected)
        #expect(sorted.allSatisfy { rollups[$0.key] == $0.totals })
    }
}
