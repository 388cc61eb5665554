import Foundation
@testable import Kouka
import Testing

/// A log kept compressed where its source's pattern finds it (`tasks.csv.gz`): rejected whole, as before, but the reason says
/// it is an archive and how to read it, where it said only that the header lacked the format's columns (helper-147 #3).
struct CompressedLogTests {
    @Test func aGzippedExportIsNamedAsAnArchive() throws {
        let city = try TemporaryCity(sources: TemporaryCity.winActorSource.replacingOccurrences(of: "logs/*.csv", with: "logs/*"))
        defer { city.remove() }
        try city.write("logs/tasks.csv", TemporaryCity.winActorCSV([
            TemporaryCity.winActorRow("t1", "住民税_課税資料取込", "FINISH", "2026/11/02 09:00:00"),
        ]), encoding: .shiftJIS)
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["gzip", "-k", city.root.appendingPathComponent("logs/tasks.csv").path]
        try gzip.run()
        gzip.waitUntilExit()
        #expect(gzip.terminationStatus == 0)
        try city.delete("logs/tasks.csv")
        let day = LocalDate(year: 2026, month: 11, day: 27)
        let summary = try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent, options: NightlyOptions(today: day)).run()
        let rejected = try #require(summary.filesRejected.first)
        #expect(rejected.path == "logs/tasks.csv.gz")
        #expect(rejected.reason.contains("it is a gzip archive, which Kouka does not read: extract it (gunzip -k)"), "\(rejected.reason)")
        #expect(!rejected.reason.contains("reads as Shift_JIS"), "the archive's bytes are no encoding to set")
    }
}

extension CompressedLogTests {
    /// An Excel workbook dropped among the logs is a zip (an .xlsx) or an OLE file (an .xls): to be saved as CSV, not
    /// extracted (helper-148 #7).
    @Test func aWorkbookIsNamedAsAWorkbookNotAnArchive() throws {
        let folder = NSTemporaryDirectory() + "kouka-workbook-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let xlsx = folder + "/tasks.xlsx"
        try XLSXReportWriter.write(ReportComparisonFastPathTests.report(runs: 1), to: xlsx, created: Date(timeIntervalSince1970: 0))
        #expect(FileShape.compressed(path: xlsx)?.hasPrefix("it is an Excel workbook, which Kouka does not read: save it from Excel as CSV") == true)
        let xls = folder + "/tasks.xls"
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 56)).write(to: URL(fileURLWithPath: xls))
        #expect(FileShape.compressed(path: xls)?.hasPrefix("it is an Excel workbook") == true)
    }
}
