import Foundation
@testable import Kouka
import Logging
import Testing

/// Everything a report, an audit or a verification reads from the store is one snapshot: a nightly run that
/// commits between two of its reads changes none of them.
@Suite struct ReportSnapshotTests {
    static let today = LocalDate(year: 2026, month: 11, day: 27)

    static func nightly(_ city: TemporaryCity) throws {
        _ = try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent, options: NightlyOptions(today: today)).run()
    }

    static func tasks(_ scenario: String, days: ClosedRange<Int>, prefix: String) -> String {
        TemporaryCity.winActorCSV(days.map { TemporaryCity.winActorRow("\(prefix)\($0)", scenario, "FINISH", "2024/05/\(String(format: "%02d", $0)) 09:00:00") })
    }

    @Test func aNightlyRunBetweenTwoReportsOfOneContextIsNotSeen() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        try city.write("logs/a.csv", Self.tasks("住民税_課税資料取込", days: 1...3, prefix: "a"), encoding: .shiftJIS)
        try Self.nightly(city)
        let configuration = try Configuration.load(path: city.configPath)

        let (first, second, ledger) = try ReportContext.reading(configuration: configuration) { context in
            let first = try context.report(.fiscalYear(FiscalYear(2024)), generatedAt: "", previous: nil)
            // Nightly reads a new export and commits while the report is being built.
            try city.write("logs/b.csv", Self.tasks("転入届入力", days: 4...9, prefix: "b"), encoding: .shiftJIS)
            try Self.nightly(city)
            return (first, try context.report(.fiscalYear(FiscalYear(2024)), generatedAt: "", previous: nil), context.ledger.map(\.path))
        }
        #expect(first.hoursSaved.total > 0)
        #expect(second == first)
        #expect(ledger == ["logs/a.csv"])

        // A context made after the nightly run reads its figures: the one above could have seen them.
        let after = try ReportContext.reading(configuration: configuration) { try $0.report(.fiscalYear(FiscalYear(2024)), generatedAt: "", previous: nil) }
        #expect(after.hoursSaved.total > first.hoursSaved.total)
    }
}
