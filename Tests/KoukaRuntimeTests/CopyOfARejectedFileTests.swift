import Foundation
import Kouka
import Testing

/// A file is a copy only of a file that counts. The same export saved where a source of another format reads it
/// is rejected there; the copy in its own source's folder counts its runs the same night, and is not called a copy.
@Suite struct CopyOfARejectedFileTests {
    /// T01 runs t1…t3 (住民税_課税資料取込: (180 − 15) min = 2.75 h each): 8.25 h.
    static let export = TemporaryCity.winActorCSV((1...3).map {
        TemporaryCity.winActorRow("t\($0)", "住民税_課税資料取込", "FINISH", String(format: "2024/05/%02d 10:00:00", $0))
    }).data(using: .shiftJIS)!

    /// The misfiled copy's folder sorts first, so it is settled before the right one.
    static let sources = """
        [[source]]
        format = "uipath-orchestrator"
        path = "a-jobs/*.csv"

        [[source]]
        format = "winactor-task-csv"
        path = "logs/*.csv"
        encoding = "shift_jis"
        """

    @Test func theCopyOfAFileRejectedInAnotherFormatCountsTheSameNight() throws {
        let city = try TemporaryCity(sources: Self.sources)
        defer { city.remove() }
        try FileManager.default.createDirectory(at: city.root.appendingPathComponent("a-jobs"), withIntermediateDirectories: true)
        try Self.export.write(to: city.root.appendingPathComponent("a-jobs/export.csv"))
        try Self.export.write(to: city.root.appendingPathComponent("logs/export.csv"))
        let first = try city.night(1)
        #expect(first.filesRejected.map(\.path) == ["a-jobs/export.csv"])
        #expect(first.filesDuplicate.isEmpty, "a rejected file counts nothing, so nothing is a copy of it")
        #expect(try city.hoursSaved() == 8.25)
        let store = try KoukaStore(path: city.root.appendingPathComponent("kouka.sqlite").path)
        #expect(try store.source(path: "logs/export.csv")?.status == .present)
        #expect(try store.source(path: "logs/export.csv")?.rowsAccepted == 3)
        let verified = try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run()
        #expect(verified.differences.isEmpty, "\(verified.differences)")
        let second = try city.night(2)
        #expect(second.filesDuplicate.isEmpty)
        #expect(try city.hoursSaved() == 8.25)
    }
}
