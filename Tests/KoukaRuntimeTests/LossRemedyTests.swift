import Foundation
import Kouka
import Testing

/// A file that no longer counts runs it counted, which no other file counts, is named with the remedy its case calls for.
@Suite struct LossRemedyTests {
    /// A WinActor export counted as Shift_JIS, saved over by the console's re-export in UTF-8 with a byte-order mark while
    /// its source still says Shift_JIS: the file is rejected whole (its rejection says to set encoding = "auto"), and the runs
    /// it counted count nowhere until it is read. The loss points to the rejection, not to a file cut short to be put back
    /// (helper-190 #2: the two findings told staff two remedies that contradict each other).
    @Test func theLossOfAFileRejectedWholeNamesItsRejection() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        let rows = [TemporaryCity.winActorRow("101", "転入届入力", "FINISH", "2024/05/01 09:00:00"),
                    TemporaryCity.winActorRow("102", "転入届入力", "FINISH", "2024/05/02 09:00:00")]
        try city.write("logs/tasks.csv", TemporaryCity.winActorCSV(rows), encoding: .shiftJIS)
        let day = LocalDate(year: 2024, month: 5, day: 10)
        let first = try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent, options: NightlyOptions(today: day)).run()
        #expect(first.exitCode == .done)

        try city.write("logs/tasks.csv", "\u{FEFF}" + TemporaryCity.winActorCSV(rows))
        let second = try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent,
                                    options: NightlyOptions(today: day.adding(days: 1))).run()
        #expect(second.filesRejected.map(\.path) == ["logs/tasks.csv"])
        let loss = try #require(second.filesLosingRuns.first { $0.path == "logs/tasks.csv" })
        #expect(loss.reason.hasPrefix("rejected whole tonight (see filesRejected for why), it counts none of the 2 run(s) it counted before"), "\(loss.reason)")
        #expect(!loss.reason.contains("put the earlier file back"))
        #expect(second.exitCode == .doneWithFindings)
    }

    /// An export rotated to a name the source's path does not match, a new one begun under its name: the loss says to widen
    /// the path as well as to put a file back (helper-187 #3).
    @Test func aFileRotatedOutOfThePatternIsToldToWidenIt() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        try city.write("logs/tasks.csv", TemporaryCity.winActorCSV([TemporaryCity.winActorRow("101", "転入届入力", "FINISH", "2024/05/01 09:00:00")]),
                       encoding: .shiftJIS)
        let day = LocalDate(year: 2024, month: 5, day: 10)
        _ = try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent, options: NightlyOptions(today: day)).run()
        try FileManager.default.moveItem(at: city.root.appendingPathComponent("logs/tasks.csv"), to: city.root.appendingPathComponent("logs/tasks.csv.1"))
        try city.write("logs/tasks.csv", TemporaryCity.winActorCSV([TemporaryCity.winActorRow("102", "転入届入力", "FINISH", "2024/05/10 09:00:00")]),
                       encoding: .shiftJIS)
        let next = try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent,
                                  options: NightlyOptions(today: day.adding(days: 1))).run()
        let loss = try #require(next.filesLosingRuns.first { $0.path == "logs/tasks.csv" })
        #expect(loss.reason.contains("to a name the source's path does not match, widen the path to match it instead"), "\(loss.reason)")
    }
}
