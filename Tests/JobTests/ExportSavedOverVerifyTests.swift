import Foundation
import Testing

/// An export that counted a task unfinished, saved over by a longer export after an overlapping one took the task over:
/// the store counts t8–t11 in b.csv, which read them first, while a fresh reading, which records a.csv first, counts
/// them in a.csv. Every figure is the same; verify named the task's list of source files as a difference of the store
/// (a false alarm), which only `--since` made go away. The files a task's runs came from are compared as the rollups
/// are, as a group; a written report's list still must be the store's.
@Suite(.serialized) struct ExportSavedOverVerifyTests {
    typealias City = UnfinishedRunEndedLaterTests.City

    @Test func anExportSavedOverByALongerOneVerifies() throws {
        let city = try City()
        defer { try? FileManager.default.removeItem(at: city.root) }
        try city.export("a.csv", (1...7).map { ("t\($0)", "FINISH", $0) } + [("t8", "PROCESSING", 8)])
        try city.export("b.csv", (5...11).map { ("t\($0)", "FINISH", $0) })
        _ = try city.nightly()
        try city.export("a.csv", (1...12).map { ("t\($0)", "FINISH", $0) })
        _ = try city.nightly()
        let task = try city.task()
        // t1–t12 once each: 12 × 2.75 h.
        #expect(task["hoursSaved"] as? Double == 33 && task["successes"] as? Int == 12 && task["unfinished"] as? Int == 0, "\(task)")
        let verified = try city.verify()
        #expect(verified.code == 0, "\(verified.differences)")
    }
}
