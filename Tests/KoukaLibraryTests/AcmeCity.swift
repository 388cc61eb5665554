import Foundation
import Kouka

/// A folder with a one-row catalog, a log of five runs and one broken line, and a configuration naming them.
///
/// Worked out on paper: the catalog saves 6 − 1 = 5 minutes an item. FY2024 (2024-04-01 to 2025-03-31) has
/// 12 + 24 + 24 = 60 items from successful runs (the failed run's 5 items save nothing, and count as 5 failures
/// in items; their rework is 0):
/// 300 minutes, 5.00 hours. The run at 2025-04-01 00:10 is FY2025's: 60 items, 5.00 hours. The broken line has
/// no date, so it is rejected in no year and shown in every year.
struct AcmeCity {
    let folder: URL
    var log: String { folder.appendingPathComponent("acme/robot1.log").path }
    var catalog: String { folder.appendingPathComponent("catalog.csv").path }
    var configuration: String { folder.appendingPathComponent("kouka.toml").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-acme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("acme"), withIntermediateDirectories: true)
        try """
        task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,rework_minutes_per_failure,valid_from,match
        K01,窓口受付の入力,市民課,rpa,items,6,1,0,2024-04-01,受付処理

        """.write(toFile: catalog, atomically: true, encoding: .utf8)
        try """
        2024-05-01 10:00:00,受付処理,ok,12
        2024-05-02 10:00:00,受付処理,ok,24
        2024-05-03 10:00:00,受付処理,failed,5
        2025-03-31 23:30:00,受付処理,ok,24
        2025-04-01 00:10:00,受付処理,ok,60
        not a run

        """.write(toFile: log, atomically: true, encoding: .utf8)
        try """
        timezone = "Asia/Tokyo"
        database = "kouka.sqlite"
        catalog = "catalog.csv"
        output = "reports"

        [[source]]
        format = "acme-log"
        path = "acme/*.log"

        """.write(toFile: configuration, atomically: true, encoding: .utf8)
    }

    func remove() throws { try FileManager.default.removeItem(at: folder) }

    /// A day after the last run, noon in Tokyo: every run has ended and none is in the future.
    static let now = ISO8601DateFormatter().date(from: "2025-04-02T12:00:00+09:00")!
    static let tokyo = TimeZone(identifier: "Asia/Tokyo")!

    static func formats() throws -> LogFormats {
        var formats = LogFormats.builtIn
        try formats.register("acme-log") { _ in AcmeLogParser() }
        return formats
    }
}
