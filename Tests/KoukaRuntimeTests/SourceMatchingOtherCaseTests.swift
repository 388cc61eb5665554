import Foundation
import Kouka
import Testing

/// A source whose pattern matches no file, while a file in its folder matches it but for the case of its letters (copied
/// from a share that ignores case): the finding names that file and says patterns are case-sensitive (helper-190 #3: only
/// "no file matches the pattern", each night, while every export under that name went unread).
@Suite struct SourceMatchingOtherCaseTests {
    @Test func aFileOfAnotherCaseIsNamed() throws {
        let city = try TemporaryCity(sources: TemporaryCity.winActorSource.replacingOccurrences(of: "logs/*.csv", with: "logs/tasks_*.csv"))
        defer { city.remove() }
        try city.write("logs/TASKS_202612.CSV", TemporaryCity.winActorCSV([TemporaryCity.winActorRow("1", "転入届入力", "FINISH", "2024/05/01 09:00:00")]),
                       encoding: .shiftJIS)
        let summary = try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent).run()
        let missing = try #require(summary.sourcesMissing.first)
        #expect(missing.reason.contains("1 file(s) match it but for the case of letters (TASKS_202612.CSV)"), "\(missing.reason)")
        #expect(summary.exitCode == .doneWithFindings)
    }
}
