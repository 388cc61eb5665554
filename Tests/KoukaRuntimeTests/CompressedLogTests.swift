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
