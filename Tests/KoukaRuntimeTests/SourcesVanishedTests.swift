import Foundation
import Kouka
import Testing

/// Most of a store's counted files gone at once is not a robot's log retention: the share is not mounted, or the store
/// is another city's or a wrong backup. The nightly run stops before it reads or marks anything (74), and says how to go
/// on; `--accept-gone` marks them gone, with their figures kept, when they were archived on purpose.
@Suite struct SourcesVanishedTests {
    static let source = """
        [[source]]
        format = "uipath-execution-log"
        path = "logs/*/*_Execution.log"
        """

    /// One robot's logs of `days` days of May 2024 in folder `robot`, one run of 40 − 8 min each.
    static func writeLogs(_ city: TemporaryCity, robot: String, days: ClosedRange<Int>) throws {
        for day in days {
            let date = "2024-05-\(day < 10 ? "0" : "")\(day)"
            try city.write("logs/\(robot)/\(date)_Execution.log", [
                IncrementalIngestTests.line("\(robot)-\(day)", on: date, "09:00:00", message: "住民票郵送請求 execution started"),
                IncrementalIngestTests.line("\(robot)-\(day)", on: date, "09:10:00", message: "住民票郵送請求 execution ended", end: 600),
            ].joined(separator: "\r\n") + "\r\n")
        }
    }

    func night(_ city: TemporaryCity, acceptGone: Bool = false) throws -> NightlySummary {
        var options = NightlyOptions(today: LocalDate(year: 2024, month: 6, day: 1))
        options.acceptGone = acceptGone
        return try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent, options: options).run()
    }

    func hours(_ city: TemporaryCity) throws -> Double {
        try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2024), logger: .silent).build().hoursSaved.total
    }

    @Test func anUnmountedShareStopsTheRunBeforeAnythingIsMarked() throws {
        let city = try TemporaryCity(catalog: IncrementalIngestTests.catalog, sources: Self.source)
        defer { city.remove() }
        try Self.writeLogs(city, robot: "robot01", days: 1...12)
        _ = try night(city)
        // 12 runs of 32 min: 6.40 h.
        #expect(try hours(city) == 6.4)

        // The share is not mounted: the folder is empty.
        try FileManager.default.moveItem(at: city.root.appendingPathComponent("logs"), to: city.root.appendingPathComponent("unmounted"))
        try FileManager.default.createDirectory(at: city.root.appendingPathComponent("logs"), withIntermediateDirectories: true)
        #expect(throws: SourcesVanished(vanished: 12, counted: 12, examples: [
            "logs/robot01/2024-05-01_Execution.log", "logs/robot01/2024-05-02_Execution.log", "logs/robot01/2024-05-03_Execution.log",
        ])) { try night(city) }
        #expect(KoukaExitCode.code(for: SourcesVanished(vanished: 12, counted: 12, examples: [])) == .ioError)
        let store = try KoukaStore(path: city.root.appendingPathComponent("kouka.sqlite").path)
        #expect(try store.source(path: "logs/robot01/2024-05-01_Execution.log")?.status == .present, "nothing marked gone")
        #expect(try hours(city) == 6.4)

        // Mounted again: an ordinary night, nothing gone.
        try FileManager.default.removeItem(at: city.root.appendingPathComponent("logs"))
        try FileManager.default.moveItem(at: city.root.appendingPathComponent("unmounted"), to: city.root.appendingPathComponent("logs"))
        let mounted = try night(city)
        #expect(mounted.filesGone.isEmpty)
        #expect(mounted.filesUnchanged == 12)
    }

    @Test func filesArchivedOnPurposeAreMarkedGoneWithAcceptGone() throws {
        let city = try TemporaryCity(catalog: IncrementalIngestTests.catalog, sources: Self.source)
        defer { city.remove() }
        try Self.writeLogs(city, robot: "robot01", days: 1...12)
        _ = try night(city)
        try FileManager.default.removeItem(at: city.root.appendingPathComponent("logs/robot01"))
        try Self.writeLogs(city, robot: "robot01", days: 13...13)
        #expect(throws: SourcesVanished.self) { try night(city) }
        let archived = try night(city, acceptGone: true)
        #expect(archived.filesGone.count == 12)
        #expect(archived.filesRead == 1)
        // Their figures are kept: 13 runs, 6.93 h.
        #expect(try hours(city) == 6.93)
        // Once gone, they are no longer counted as vanishing: the next night is an ordinary one.
        #expect(try night(city).filesUnchanged == 1)
    }

    @Test func anotherCitysStoreIsNotAddedTo() throws {
        let other = try TemporaryCity(catalog: IncrementalIngestTests.catalog, sources: Self.source)
        defer { other.remove() }
        try Self.writeLogs(other, robot: "robot09", days: 1...20)
        _ = try night(other)
        let city = try TemporaryCity(catalog: IncrementalIngestTests.catalog, sources: Self.source)
        defer { city.remove() }
        try Self.writeLogs(city, robot: "robot01", days: 1...3)
        try FileManager.default.copyItem(at: other.root.appendingPathComponent("kouka.sqlite"), to: city.root.appendingPathComponent("kouka.sqlite"))
        #expect(throws: SourcesVanished.self) { try night(city) }
        let store = try KoukaStore(path: city.root.appendingPathComponent("kouka.sqlite").path)
        #expect(try store.source(path: "logs/robot01/2024-05-01_Execution.log") == nil, "none of this city's logs read into it")
    }

    @Test func foldersRenamedOrAFewFilesRemovedAreNoStop() throws {
        let city = try TemporaryCity(catalog: IncrementalIngestTests.catalog, sources: Self.source)
        defer { city.remove() }
        try Self.writeLogs(city, robot: "robot01", days: 1...12)
        try Self.writeLogs(city, robot: "robot02", days: 1...12)
        _ = try night(city)
        // Both robots' folders renamed: every file away from its path, but each keeps its inode, and its line follows it.
        for robot in ["robot01", "robot02"] {
            try FileManager.default.moveItem(at: city.root.appendingPathComponent("logs/\(robot)"), to: city.root.appendingPathComponent("logs/\(robot)-pc"))
        }
        let renamed = try night(city)
        #expect(renamed.filesRenamed.count == 24)
        #expect(renamed.filesGone.isEmpty)
        #expect(try hours(city) == 12.8)
        // Half the store gone is not more than half: retention of one robot's twelve logs out of 24.
        try FileManager.default.removeItem(at: city.root.appendingPathComponent("logs/robot02-pc"))
        let retention = try night(city)
        #expect(retention.filesGone.count == 12)
        #expect(try hours(city) == 12.8)
    }
}
