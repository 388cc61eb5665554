import Foundation
@testable import Kouka
import Testing

/// A robot's log an earlier Kouka read on from after a cut last line, once the line was completed: the line's rest was
/// rejected as no Execution.log line and its run stayed unfinished — and the log, unchanged since, would never be read
/// again. Migration v40 has such logs read whole once more, so the upgrade's first night counts the run (helper-193 #2:
/// February 28.33 h for 30.00, exit 0 after the upgrade).
struct CutLineReadOnBeforeUpgradeTests {
    @Test func theUpgradesFirstNightReadsTheLogWholeAndCountsTheRun() throws {
        let day = LocalDate(year: 2024, month: 5, day: 1)
        let city = try TemporaryCity(catalog: IncrementalIngestTests.catalog, sources: IncrementalIngestTests.source)
        defer { city.remove() }
        let whole = CutLastLineCompletedLateTests.lines.joined(separator: "\r\n") + "\r\n"
        try city.write(CutLastLineCompletedLateTests.file, String(decoding: Array(whole.utf8.dropLast(60)), as: UTF8.self))
        _ = try city.night(on: day.adding(days: 2))
        // As 0.5.15 left the store: its reading state without the mark of a rejected cut line, so the completed log is read on.
        try city.store().db.execute("UPDATE source_files SET resume_state = replace(resume_state, '\"endsInARejectedCutLine\":true,', '')")
        try city.write(CutLastLineCompletedLateTests.file, whole)
        let readOn = try city.night(on: day.adding(days: 3))
        #expect(readOn.filesAppended == 1)
        #expect(readOn.rejections.first?.reason.hasPrefix("not an Execution.log line") == true, "\(readOn.rejections)")
        let report = { try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2024), logger: .silent).build() }
        #expect(try report().tasks.first?.successes == 1, "the state 0.5.15 left: j2 unfinished")

        // The upgrade: v40 applied when the store is next opened.
        try city.store().db.execute("DELETE FROM migrations WHERE name = 'v40'")
        let upgraded = try city.night(on: day.adding(days: 4))
        #expect(upgraded.filesUnchanged == 0, "the log is read whole once more")
        #expect(upgraded.rowsRejected == 0)
        #expect(try report().tasks.first?.successes == 2)
        #expect(try report().hoursSaved.total == 1.07)
        #expect(try city.night(on: day.adding(days: 5)).filesUnchanged == 1, "once")
    }
}
