import Foundation
import Kouka
import Testing

/// A night the server's clock was set back two days: the runs of the days it had not reached yet are rejected as in the
/// future. Once the clock is right again they are runs of the past, and count — the file unchanged since is read again
/// each night while it holds such a row. Read once, they were left out for good: a closed year's figure 4 h short, exit 0
/// from the next night on (helper-188 #1).
@Suite struct ServerClockSetBackTests {
    func night(_ city: TemporaryCity, on day: LocalDate) throws -> NightlySummary {
        try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent,
                       options: NightlyOptions(today: day, now: LocalClock.tokyo.instant(of: day, hour: 2, minute: 0, second: 0))).run()
    }

    @Test func runsInTheFutureOnANightTheClockWasBehindCountOnceItIsRight() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        // T02 (転入届入力): 60 − 10 = 50 min a run from 2023-04-01.
        try city.write("logs/tasks.csv", TemporaryCity.winActorCSV([
            TemporaryCity.winActorRow("101", "転入届入力", "FINISH", "2024/03/25 09:00:00"),
            TemporaryCity.winActorRow("102", "転入届入力", "FINISH", "2024/03/29 09:00:00"),
            TemporaryCity.winActorRow("103", "転入届入力", "FINISH", "2024/03/30 09:00:00"),
        ]), encoding: .shiftJIS)
        let behind = try night(city, on: LocalDate(year: 2024, month: 3, day: 27))
        #expect(behind.rejections.map(\.line) == [3, 4], "two runs after the day after the clock's now")
        #expect(behind.rejections.allSatisfy { $0.reason.contains("this server's clock if it was set back") })

        let right = try night(city, on: LocalDate(year: 2024, month: 4, day: 2))
        #expect(right.filesUnchanged == 0, "the file holding runs in the future is read again")
        #expect(right.rowsRejected == 0)
        let later = try night(city, on: LocalDate(year: 2024, month: 4, day: 3))
        #expect(later.filesUnchanged == 1, "once they count, the file is left alone")

        let report = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2023), logger: .silent).build()
        // 3 runs × 50 min = 150 min = 2.50 h.
        #expect(report.hoursSaved.total == 2.5)
        #expect(report.tasks.first?.successes == 3)
    }

    @Test func aRowOfAYearMistypedIsRejectedAgainEachNight() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        try city.write("logs/tasks.csv", TemporaryCity.winActorCSV([
            TemporaryCity.winActorRow("101", "転入届入力", "FINISH", "2024/03/25 09:00:00"),
            TemporaryCity.winActorRow("102", "転入届入力", "FINISH", "2052/03/29 09:00:00"),
        ]), encoding: .shiftJIS)
        _ = try night(city, on: LocalDate(year: 2024, month: 3, day: 27))
        let next = try night(city, on: LocalDate(year: 2024, month: 3, day: 28))
        #expect(next.rejections.map(\.line) == [3], "still in the future: named again, not left unnamed from the second night on")
        #expect(next.exitCode == .doneWithFindings)
    }

    /// A file read again for its run in the future is read in the order the store first recorded the files, as `--since`
    /// reads them: in the order of their paths, a browser's second download sorting first ("export (1).csv") took over the
    /// runs the file had counted, on a night with no reason to move them (helper-195 #2).
    @Test func aFileReadAgainForAFutureRunKeepsTheRunsItCounted() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        let rows = [TemporaryCity.winActorRow("101", "転入届入力", "FINISH", "2025/01/06 09:00:00"),
                    TemporaryCity.winActorRow("102", "転入届入力", "FINISH", "2025/01/07 09:00:00"),
                    TemporaryCity.winActorRow("109", "転入届入力", "FINISH", "2052/01/07 09:00:00")]
        try city.write("logs/export.csv", TemporaryCity.winActorCSV(rows), encoding: .shiftJIS)
        _ = try night(city, on: LocalDate(year: 2025, month: 1, day: 12))
        try city.write("logs/export (1).csv", TemporaryCity.winActorCSV(rows + [TemporaryCity.winActorRow("103", "転入届入力", "FINISH", "2025/01/08 09:00:00")]),
                       encoding: .shiftJIS)
        _ = try night(city, on: LocalDate(year: 2025, month: 1, day: 13))
        let report = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2024), logger: .silent).build()
        #expect(report.tasks.first?.successes == 3)
        #expect(report.tasks.first?.sources == ["logs/export (1).csv", "logs/export.csv"], "export.csv keeps its two runs")
    }

    /// Files reordered for a file read again (recorded first, found later) are each decided by their own status: what was
    /// looked at ahead in the order found described another file, and unchanged exports were read again as in doubt.
    @Test func filesReorderedForAFutureRunAreDecidedByTheirOwnStatus() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        for index in 0..<6 {
            try city.write("logs/b\(index).csv", TemporaryCity.winActorCSV((0...index).map {
                TemporaryCity.winActorRow("2\(index)\($0)", "転入届入力", "FINISH", "2025/01/0\($0 + 1) 09:00:00")
            }), encoding: .shiftJIS)
        }
        _ = try night(city, on: LocalDate(year: 2025, month: 1, day: 10))
        try city.write("logs/a.csv", TemporaryCity.winActorCSV([TemporaryCity.winActorRow("101", "転入届入力", "FINISH", "2025/01/07 09:00:00"),
                                                               TemporaryCity.winActorRow("109", "転入届入力", "FINISH", "2052/01/07 09:00:00")]),
                       encoding: .shiftJIS)
        _ = try night(city, on: LocalDate(year: 2025, month: 1, day: 11))
        // The b files were recorded first and a.csv is read again for its row of 2052: the night reads them b0…b5, a.
        for day in 12...14 {
            let night = try night(city, on: LocalDate(year: 2025, month: 1, day: day))
            #expect(night.filesUnchanged == 6, "the b files are unchanged")
            #expect(night.filesInDoubt.isEmpty, "\(night.filesInDoubt)")
        }
    }
}
