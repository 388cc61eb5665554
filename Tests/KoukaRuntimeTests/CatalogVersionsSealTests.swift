import Foundation
@testable import Kouka
import Testing

/// The catalog's kept versions are sealed with the ledger and the quarantine from 0.5.6: removed behind Kouka's back with
/// a baseline changed for days already counted, no version was left to compare the catalog with, and the night took the new
/// figures with exit 0 (helper-91's catalog-tamper-unnamed.sh). A store whose last run sealed without them (0.5.5) is
/// held to that seal by its first run of 0.5.6, then to the seal with them.
@Suite struct CatalogVersionsSealTests {
    func verify(_ city: TemporaryCity) throws -> VerifySummary {
        try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run()
    }

    func store(_ city: TemporaryCity) throws -> KoukaStore {
        try KoukaStore(path: city.root.appendingPathComponent("kouka.sqlite").path)
    }

    func cityReadOnce() throws -> TemporaryCity {
        let city = try TemporaryCity()
        try city.write("logs/tasks.csv", TemporaryCity.winActorCSV([TemporaryCity.winActorRow("t1", "住民税_課税資料取込", "FINISH", "2024/05/01 09:00:00")]),
                       encoding: .shiftJIS)
        _ = try city.night(1)
        return city
    }

    @Test(arguments: ["DELETE FROM catalog_versions", "UPDATE catalog_versions SET rows = replace(rows, '180', '18')"])
    func aKeptVersionChangedBehindKoukasBackIsNamed(edit: String) throws {
        let city = try cityReadOnce()
        defer { city.remove() }
        #expect(try verify(city).differences.isEmpty)
        try store(city).db.execute(edit)
        let verified = try verify(city)
        #expect(verified.differences.contains { $0.kind == "store-edited" && $0.subject.hasPrefix("since the kouka-nightly run started") },
                "\(verified.differences)")
        // The catalog changed for the day counted, the same night: named as the store's edit, whatever the version kept says.
        try city.write("catalog.csv", TemporaryCity.catalog.replacingOccurrences(of: "180,15,30", with: "1800,15,30"))
        let night = try city.night(2)
        #expect(night.storeEditedSince != nil)
        #expect(night.exitCode == .doneWithFindings)
    }

    @Test func theFirstRunAfter055IsHeldToTheSealWithoutTheCatalog() throws {
        let city = try cityReadOnce()
        defer { city.remove() }
        // As 0.5.5 left it: the run's seal without the version it kept.
        let left = try store(city).sealSum(coveringCatalog: false)
        #expect(left != (try store(city).sealSum()), "the version kept is in the seal")
        try store(city).db.execute("UPDATE job_runs SET seal_covers_catalog = 0, seal_sum_left = '\(left.hex)'")
        #expect(try verify(city).differences.isEmpty)
        let second = try city.night(2)
        #expect(second.storeEditedSince == nil)
        #expect(try store(city).seals(job: NightlyJob.job).map(\.coversCatalog) == [true, false, true], "the store's creation, 0.5.5's run, 0.5.6's")
        #expect(try verify(city).differences.isEmpty)
        try city.write("catalog.csv", TemporaryCity.catalog + "T03,新規業務,総務課,rpa,runs,10,1,0,2024-07-01,新規\n")
        let third = try city.night(3)
        #expect(third.storeEditedSince == nil)
        let verified = try verify(city)
        #expect(verified.differences.isEmpty, "\(verified.differences)")
    }
}
