import Foundation
@testable import Kouka
import Testing

/// A month whose same month a year before had no run at all: its departments are compared with 0.00 when the store counts
/// days before then, and with nothing (—) when the store begins after it. A month whose year before held one other
/// department's run said 0.00, and one whose year before held none said — in every line (helper-181 #2).
struct MonthYearBeforeWithoutRunsTests {
    static func departments(firstRun: String, robot: String = "住民税_課税資料取込") throws -> [DepartmentLine] {
        let city = try TemporaryCity()
        defer { city.remove() }
        try city.write("logs/tasks.csv", TemporaryCity.winActorCSV([
            TemporaryCity.winActorRow("t1", robot, "FINISH", firstRun),
            TemporaryCity.winActorRow("t2", "住民税_課税資料取込", "FINISH", "2024/11/05 09:00:00"),
        ]), encoding: .shiftJIS)
        let day = LocalDate(year: 2024, month: 12, day: 2)
        // Both runs read; the robot the catalog lacks is named as unmapped.
        #expect(try city.night(on: day).rowsAccepted == 2)
        let options = ReportOptions(period: .month(year: 2024, month: 11), generatedAt: LocalClock.tokyo.instant(of: day, hour: 5, minute: 0, second: 0), today: day)
        return try ReportJob(configuration: Configuration.load(path: city.configPath), options: options, logger: .silent).build().departments
    }

    @Test func aYearBeforeTheStoreCountsIsComparedWithZero() throws {
        // T01 saves 180 − 15 = 165 minutes a run: 2.75 h in November 2024; none in November 2023, after the store's first day.
        let lines = try Self.departments(firstRun: "2023/04/10 09:00:00")
        #expect(lines.map(\.department) == ["税務課"])
        #expect(lines.first?.hoursSaved == 2.75)
        #expect(lines.first?.previousYearHours == 0)
        #expect(lines.first?.change == 2.75)
    }

    @Test func aYearBeforeTheStoreBeginsIsNotCompared() throws {
        let lines = try Self.departments(firstRun: "2024/06/10 09:00:00")
        #expect(lines.first?.hoursSaved == 2.75)
        #expect(lines.first?.previousYearHours == nil)
        #expect(lines.first?.change == nil)
    }

    /// The store's first day falls within November 2023 (a robot the catalog lacks): it does not cover that month whole, so
    /// the month is not compared with 0.00 (helper-186 #3).
    @Test func aYearBeforeTheStoreBeganWithinIsNotCompared() throws {
        let lines = try Self.departments(firstRun: "2023/11/20 09:00:00", robot: "台帳にないロボット")
        #expect(lines.map(\.department) == ["税務課"])
        #expect(lines.first?.previousYearHours == nil)
    }
}
