import Foundation
import Testing

/// An auditor may verify during the day, after the robots wrote new logs and before the nightly run read them. Such a
/// file is not yet counted, rightly: verification reads the logs as of the last nightly run, so it leaves out the files
/// that arrived after it, and names them as skipped. Read again, a new day's log ended the day before's run across
/// midnight and was named as a difference, with the store's run ids "changed behind Kouka's back".
@Suite struct VerifyBeforeTheNightlyRunTests {
    typealias City = VerifyTamperTests.City

    @Test func aNewDaysLogThatArrivedAfterTheNightlyRunIsSkippedNotADifference() throws {
        let city = try City()
        defer { city.remove() }
        let nextDay = city.root.appendingPathComponent("logs/uipath/2024-05-02_Execution.log")
        let text = try Data(contentsOf: nextDay)
        try FileManager.default.removeItem(at: nextDay)
        try city.nightly()
        try city.report()
        // The run keeps its start in whole seconds: the log arrives a full second after it.
        Thread.sleep(forTimeInterval: 1.2)
        try text.write(to: nextDay)
        let before = try JobProcess.run("kouka-audit", ["verify", "--config", city.config])
        let summary = try before.summary()
        #expect(before.exitCode == 0, "\(summary["differences"] ?? [])")
        #expect((summary["filesSkipped"] as? [String])?.contains("logs/uipath/2024-05-02_Execution.log: arrived after the last nightly run: counted by the next run") == true)
        try city.nightly()
        try city.report()
        let after = try city.verify()
        #expect(after.code == 0, "\(after.differences)")
    }

    @Test func aLedgerLineDeletedOfAFileTheRunReadIsStillADifference() throws {
        let city = try City.verified()
        defer { city.remove() }
        Thread.sleep(forTimeInterval: 1.2)
        try city.sql("DELETE FROM rollups WHERE source_id = (SELECT id FROM source_files WHERE path = 'logs/winactor/b.csv'); DELETE FROM source_files WHERE path = 'logs/winactor/b.csv'")
        try city.report(exitCode: 73)
        let result = try city.verify()
        #expect(result.code == 1)
        #expect(VerifyTamperTests.named(result.differences, kind: "ledger", subject: "logs/winactor/b.csv", field: "line"))
    }
}
