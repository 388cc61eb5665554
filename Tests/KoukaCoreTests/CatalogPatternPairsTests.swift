@testable import Kouka
import Testing

/// The catalog compares only the patterns whose literal prefixes can begin one name: what it finds is what comparing
/// every pair finds, on catalogs made to share prefixes, wildcards first, Japanese names and one task's many patterns.
@Suite struct CatalogPatternPairsTests {
    /// Every pair of each system's patterns, as the catalog compared them before it paired them by prefix.
    static func everyPair(_ entries: [CatalogEntry]) -> [TaskCatalog.PatternPair: NamePatternRelation] {
        var relations: [TaskCatalog.PatternPair: NamePatternRelation] = [:]
        for system in SystemFamily.allCases {
            var tasksUsing: [String: Set<String>] = [:]
            for entry in entries where entry.system == system {
                for pattern in entry.patterns { tasksUsing[pattern, default: []].insert(entry.taskID) }
            }
            let texts = tasksUsing.keys.sorted()
            for a in texts.indices {
                for b in texts.indices where b > a {
                    if tasksUsing[texts[a]]!.count == 1 && tasksUsing[texts[a]] == tasksUsing[texts[b]] { continue }
                    let relation = NamePattern(texts[a]).relation(to: NamePattern(texts[b]))
                    if relation != .disjoint { relations[.init(system: system, first: texts[a], second: texts[b])] = relation }
                }
            }
        }
        return relations
    }

    /// A catalog of `rows` rows whose patterns are drawn from few characters, so that many can match one name.
    static func catalog(seed: UInt64, rows: Int) -> [CatalogEntry] {
        // A linear congruential sequence (Knuth's MMIX constants): the same catalogs on every machine.
        var state = seed
        func draw(_ count: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(count))
        }
        let characters: [String] = ["a", "b", "住", "民", "_", "*", "?", "e\u{301}"]
        return (0..<rows).map { row in
            let patterns = (0...draw(3)).map { _ in (0...draw(5)).map { _ in characters[draw(characters.count)] }.joined() }
            return CatalogEntry(taskID: "T\(draw(rows / 2 + 1))", name: "n", department: "市民課",
                                system: draw(2) == 0 ? .rpa : .aiOCR, unit: .runs, manualMinutesPerUnit: 10,
                                residualMinutesPerUnit: 1, validFrom: LocalDate(year: 2022, month: 4, day: 1), patterns: patterns, line: row + 2)
        }
    }

    @Test(arguments: 1...40)
    func prefixPairingFindsWhatEveryPairFinds(seed: UInt64) {
        let entries = Self.catalog(seed: seed, rows: 40)
        let found = TaskCatalog.relations(of: entries)
        let expected = Self.everyPair(entries)
        #expect(found == expected, "seed \(seed): \(Set(found.keys).symmetricDifference(expected.keys).prefix(5))")
        #expect(!expected.isEmpty, "the catalog shares patterns")
    }
}
