import Foundation
@testable import Kouka
import Testing

/// A store of Kouka 0.4.3 to 0.4.7 sealed its ledger as one SHA-256 over it (`ledgerSeal()`), which each run recorded
/// as it found and left it. The first run of a newer Kouka reads that seal too, compares it with the last run's, then
/// records the seal as a sum; verification compares each kind of seal with its own.
@Suite struct SealUpgradeTests {
    func night(_ city: TemporaryCity, _ day: Int) throws -> NightlySummary {
        let date = LocalDate(year: 2024, month: 6, day: day)
        return try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent,
                              options: NightlyOptions(today: date, now: LocalClock.tokyo.instant(of: date, hour: 2, minute: 0, second: 0))).run()
    }

    func verify(_ city: TemporaryCity) throws -> VerifySummary {
        try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run()
    }

    /// A city read by one night, whose store is then made to look as Kouka 0.4.7 left it: no sums, and the seals of
    /// that kind its one run found (an empty ledger) and left.
    func cityAsLeftByKouka047() throws -> TemporaryCity {
        let city = try TemporaryCity()
        try city.write("logs/tasks.csv", TemporaryCity.winActorCSV([TemporaryCity.winActorRow("t1", "住民税_課税資料取込", "FINISH", "2024/05/01 09:00:00")]),
                       encoding: .shiftJIS)
        _ = try night(city, 1)
        let store = try KoukaStore(path: city.root.appendingPathComponent("kouka.sqlite").path)
        let found = try KoukaStore(path: ":memory:").ledgerSeal(), left = try store.ledgerSeal()
        try store.db.execute("""
            DELETE FROM migrations WHERE name = 'v19';
            ALTER TABLE job_runs DROP COLUMN seal_sum_found; ALTER TABLE job_runs DROP COLUMN seal_sum_left; DROP TABLE seal_sums_since;
            ALTER TABLE source_files DROP COLUMN rows_identical;
            UPDATE job_runs SET seal_found = '\(found)', seal_left = '\(left)';
            """)
        return city
    }

    @Test func theFirstRunComparesTheSealOfBeforeThenSealsAsASum() throws {
        let city = try cityAsLeftByKouka047()
        defer { city.remove() }
        #expect(try verify(city).differences.isEmpty, "the 0.4.7 seal of the store as it is")
        let night = try night(city, 2)
        #expect(night.storeEditedSince == nil)
        let store = try KoukaStore(path: city.root.appendingPathComponent("kouka.sqlite").path)
        let runs = try store.seals(job: NightlyJob.job)
        #expect(runs.map { $0.sumLeft != nil } == [false, true])
        #expect(runs.last?.found == runs.first?.left, "the first run read the seal of before as well")
        try city.write("logs/more.csv", TemporaryCity.winActorCSV([TemporaryCity.winActorRow("t2", "住民税_課税資料取込", "FINISH", "2024/05/02 09:00:00")]),
                       encoding: .shiftJIS)
        _ = try self.night(city, 3)
        let verified = try verify(city)
        #expect(verified.differences.isEmpty, "\(verified.differences)")
    }

    @Test func aChangeBeforeTheFirstRunIsNamedByTheSealOfBefore() throws {
        let city = try cityAsLeftByKouka047()
        defer { city.remove() }
        let store = try KoukaStore(path: city.root.appendingPathComponent("kouka.sqlite").path)
        try store.db.execute("INSERT INTO rejects (source_id, line, reason, repeated_run) SELECT id, 99, 'x', 0 FROM source_files")
        let night = try night(city, 2)
        #expect(night.storeEditedSince != nil)
        let verified = try verify(city)
        #expect(verified.differences.contains { $0.kind == "store-edited" && $0.subject.hasPrefix("between the kouka-nightly runs started") },
                "\(verified.differences)")
    }
}
