import Foundation
@testable import Kouka
import Testing

/// Two exports with the same bytes (the second a copy of the first), then the first renamed: its ledger line went to the
/// copy, found by its bytes before any file was read, and the renamed file itself became the copy's duplicate. The copy
/// deleted and the renamed file saved over with the run ended, the deleted copy kept the run unfinished and the file that
/// holds its end was named every night (RPA export chain fuzzer, seed 7154). The file found by its inode and birth time
/// keeps its line.
@Suite struct RenameBeforeCopyTests {
    @Test func aRenamedFileKeepsItsLineRatherThanACopyOfItsBytes() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        let stuck = TemporaryCity.winActorCSV([TemporaryCity.winActorRow("t1", "住民税_課税資料取込", "PROCESSING", "2024/05/01 10:00:00")])
        try city.write("logs/a.csv", stuck, encoding: .shiftJIS)
        try city.write("logs/b.csv", stuck, encoding: .shiftJIS)
        _ = try city.nightly()
        try FileManager.default.moveItem(at: city.root.appendingPathComponent("logs/a.csv"), to: city.root.appendingPathComponent("logs/c.csv"))
        let renamed = try city.nightly()
        #expect(renamed.filesRenamed.map { "\($0.from) → \($0.to)" } == ["logs/a.csv → logs/c.csv"])
        try FileManager.default.removeItem(at: city.root.appendingPathComponent("logs/b.csv"))
        let ended = TemporaryCity.winActorCSV([TemporaryCity.winActorRow("t1", "住民税_課税資料取込", "FINISH", "2024/05/01 10:00:00")])
        let handle = try FileHandle(forWritingTo: city.root.appendingPathComponent("logs/c.csv"))
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: ended.data(using: .shiftJIS)!)
        try handle.close()
        let night = try city.nightly()
        #expect(night.unfinishedRunsEndedElsewhere.isEmpty, "\(night.unfinishedRunsEndedElsewhere)")
        let task = try #require(try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2024), logger: .silent)
            .build().tasks.first)
        #expect(task.successes == 1 && task.failures == 0, "the run ended, as the file that counts it now says")
        #expect(try city.nightly().exitCode == .done)
    }
}
