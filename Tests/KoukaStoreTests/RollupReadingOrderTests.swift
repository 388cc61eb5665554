import Foundation
import Kouka
import Testing

private typealias F = StoreFixtures

/// `KoukaStore.rollups(from:to:)` gives its rows in the order SQLite's `ORDER BY` gives them, though it sorts them itself
/// (`RollupReadingOrder`): asked of the sqlite3 shell on the same store, row for row, byte for byte.
@Suite struct RollupReadingOrderTests {
    /// A name and a canonically equivalent spelling of it (precomposed, then decomposed): equal as Swift Strings, two
    /// keys to SQLite, which orders the decomposed one first (0xE3 0x81 0x8B before 0xE3 0x81 0x8C).
    static let composed = "がくしゅう課", decomposed = "か\u{3099}くしゅう課"
    static let departments = ["市民課", "税務課", "", "ABC", "abc", "Zeta", composed, decomposed]
    static let tasks = ["住民票発行_RPA", "児童手当", "translate", "Translate", "a", "ab", composed, decomposed]

    /// A small generator with a fixed seed, so that every run writes the same store.
    struct Seeded {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static func writeStore(_ path: String) throws {
        var random = Seeded(state: 17)
        let store = try KoukaStore(path: path)
        let days = (0..<12).map { LocalDate(year: 2024, month: 4, day: 1).adding(days: $0 * 37 - 90) }
        // Files written in an order unlike their days', so that the files' ids do not follow the days.
        for file in (0..<30).map({ ($0 * 7) % 30 }) {
            var rollups: [(key: RollupKey, totals: RollupTotals)] = []
            for _ in 0..<25 {
                let undated = random.next(6) == 0
                let key = RollupKey(date: days[random.next(days.count)], department: departments[random.next(departments.count)],
                                    family: SystemFamily.allCases[random.next(SystemFamily.allCases.count)], taskName: tasks[random.next(tasks.count)],
                                    outcome: Outcome.allCases[random.next(Outcome.allCases.count)], unit: EffectUnit.allCases[random.next(EffectUnit.allCases.count)],
                                    offHours: random.next(2) == 0, cumulative: undated, undatedPeriod: undated)
                // Keys as SQLite keys them: by their bytes.
                guard !rollups.contains(where: { Self.bytes($0.key) == Self.bytes(key) }) else { continue }
                rollups.append((key, F.totals(random.next(9) + 1)))
            }
            // One key of each spelling in this file, and the same in others: ordered by their bytes, then by file.
            for department in [composed, decomposed] where !rollups.contains(where: { $0.key.department.utf8.elementsEqual(department.utf8) && $0.key.date == F.april1 }) {
                rollups.append((F.key(F.april1, department: department), F.totals(1)))
            }
            _ = try store.replaceContribution(of: F.record("robot\(file)/2024.log"), orderedRollups: rollups, rejections: [])
        }
        _ = try store.replaceContribution(of: F.record("gone.log", status: .gone), orderedRollups: [(F.key(F.april1, department: "税務課"), F.totals(2))],
                                          rejections: [])
        _ = try store.replaceContribution(of: F.record("copy.log", status: .duplicate), orderedRollups: [(F.key(F.april1), F.totals(2))], rejections: [])
    }

    static func bytes(_ key: RollupKey) -> [[UInt8]] {
        [Array(key.date.description.utf8), Array(key.department.utf8), Array(key.family.rawValue.utf8), Array(key.taskName.utf8),
         Array(key.outcome.rawValue.utf8), Array(key.unit.rawValue.utf8), Array((key.offHours ? "1" : "0").utf8)]
    }

    /// The rows as SQLite orders them, one line each, as the shell prints them.
    static func orderedBySQLite(_ path: String, from: LocalDate, to: LocalDate) throws -> [[UInt8]] {
        let select = """
            SELECT r.source_id, r.day, r.department, r.family, r.task_name, r.outcome, r.unit, r.off_hours, r.events
            FROM source_files s CROSS JOIN rollups r ON r.source_id = s.id WHERE s.status IN ('present', 'gone')
            """
        let order = "ORDER BY r.day, r.department, r.family, r.task_name, r.outcome, r.unit, r.off_hours, r.source_id"
        let sql = """
            \(select) AND r.cumulative = 2 AND (r.day < '\(from)' OR r.day > '\(to)') \(order);
            \(select) AND r.day BETWEEN '\(from)' AND '\(to)' \(order);
            """
        return try StoreSurgery.run(path, sql).utf8.split(separator: UInt8(ascii: "\n")).map(Array.init)
    }

    static func line(_ row: DailyRollup) -> [UInt8] {
        let k = row.key
        return Array("\(row.sourceID)|\(k.date)|\(k.department)|\(k.family.rawValue)|\(k.taskName)|\(k.outcome.rawValue)|\(k.unit.rawValue)|\(k.offHours ? 1 : 0)|\(row.totals.events)".utf8)
    }

    @Test(.enabled(if: StoreSurgery.available, "needs the sqlite3 command"),
          arguments: [(-400, 400), (0, 40), (-30, 0)])
    func rowsComeInTheOrderOfSQLitesOrderBy(first: Int, last: Int) throws {
        let path = F.temporaryDatabasePath()
        defer { F.removeDatabase(path) }
        try Self.writeStore(path)
        let (from, to) = (F.april1.adding(days: first), F.april1.adding(days: last))
        let expected = try Self.orderedBySQLite(path, from: from, to: to)
        let rows = try KoukaStore(path: path).rollups(from: from, to: to)
        #expect(rows.count == expected.count)
        #expect(expected.count > 20, "the range holds rows")
        let found = rows.map(Self.line)
        let firstDifference = found.indices.first { $0 < expected.count && found[$0] != expected[$0] }
        #expect(firstDifference == nil, "row \(firstDifference ?? -1): \(firstDifference.map { String(decoding: found[$0], as: UTF8.self) } ?? "") against \(firstDifference.map { String(decoding: expected[$0], as: UTF8.self) } ?? "")")
        // Both spellings are there, apart, the decomposed one first where they meet on one day of one file.
        let spellings = rows.filter { $0.key.date == F.april1 && $0.key.department == Self.composed && $0.key.taskName == F.key(F.april1).taskName }
        if first <= 0 && last >= 0 {
            #expect(Set(spellings.map { Array($0.key.department.utf8) }).count == 2)
            #expect(spellings.first.map { Array($0.key.department.utf8) } == Array(Self.decomposed.utf8))
        }
    }

    @Test(.enabled(if: StoreSurgery.available, "needs the sqlite3 command"))
    func aStoredTextThatIsNotAValueOfItsColumnStillStopsTheReading() throws {
        let path = F.temporaryDatabasePath()
        defer { F.removeDatabase(path) }
        _ = try KoukaStore(path: path).replaceContribution(of: F.record("a.log"), rollups: [F.key(F.april1): F.totals(1)], rejections: [])
        try StoreSurgery.run(path, "UPDATE rollups SET day = '2024-4-1'")
        #expect(throws: StoreError.self) { try KoukaStore(path: path).rollups(from: F.march31, to: F.april1.adding(days: 400)) }
        try StoreSurgery.run(path, "UPDATE rollups SET day = '2024-04-01', family = 'robot'")
        #expect(throws: StoreError.self) { try KoukaStore(path: path).rollups(from: F.march31, to: F.april1) }
    }
}
