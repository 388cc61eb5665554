import Foundation
import Kouka
import Testing

/// A server migration (jobs.md): the sources copied to a new share, new inodes (with `kouka-nightly --accept-gone` once for a
/// share of many files). An export without run ids that had a row added that day begins with every byte its counted file held: it is that file,
/// moved and grown, and takes its ledger line over. Read as a new file, its earlier rows counted a second time beside the
/// line kept as deleted, every night after with exit 0 (helper-104 #3).
@Suite struct MovedAndGrownTests {
    static let catalog = """
        task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,rework_minutes_per_failure,valid_from,match
        T03,申請書の入力,市民課,rpa,items,5,1,0,2020-04-01,申請書入力

        """

    static let source = BadValueTests.robotSource.replacingOccurrences(of: "logs/robots/*.csv", with: "logs/**/runs.csv")

    static let rows = ["ロボット名,開始日時,結果,処理件数", "申請書入力,2024/05/01 09:00:00,正常終了,10",
                       "申請書入力,2024/05/02 09:00:00,正常終了,10", "申請書入力,2024/05/03 09:00:00,正常終了,12"]

    func night(_ city: TemporaryCity) throws -> NightlySummary {
        let options = NightlyOptions(today: LocalDate(year: 2024, month: 6, day: 1))
        return try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent, options: options).run()
    }

    func hours(_ city: TemporaryCity) throws -> Double {
        try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2024), logger: .silent).build().hoursSaved.total
    }

    @Test func anExportCopiedToANewShareAndGrownTakesItsLineOver() throws {
        let city = try TemporaryCity(catalog: Self.catalog, sources: Self.source)
        defer { city.remove() }
        try city.write("logs/old-share/runs.csv", Self.rows.joined(separator: "\n") + "\n")
        _ = try night(city)
        // 32 items × (5 − 1) min = 128 min = 2.13 h.
        #expect(try hours(city) == 2.13)

        // Copied to the new share (a new inode), a row added there that day, the old share taken away.
        try city.write("logs/new-share/runs.csv", (Self.rows + ["申請書入力,2024/05/04 09:00:00,正常終了,5"]).joined(separator: "\n") + "\n")
        try FileManager.default.removeItem(at: city.root.appendingPathComponent("logs/old-share"))
        // One file of one: no vanished share to stop for (a share of many is taken over with --accept-gone, as jobs.md says).
        let moved = try night(city)
        #expect(moved.filesRenamed.map(\.to) == ["logs/new-share/runs.csv"])
        #expect(moved.filesGone.isEmpty)
        // 37 items × 4 min = 148 min = 2.47 h; read beside the line kept as deleted it was 128 + 148 min = 4.60 h.
        #expect(try hours(city) == 2.47)
        #expect(try night(city).filesUnchanged == 1)
        #expect(try hours(city) == 2.47)
    }

    /// helper-105 #1: on a migration, department a's export copied unchanged begins with every byte of department b's, which
    /// held only its header: it is a's, not b's grown, and the rows a adds the next day are counted once.
    @Test func anUnchangedCopyIsNotTakenForAnotherFoldersHeaderOnlyExport() throws {
        let city = try TemporaryCity(catalog: Self.catalog, sources: Self.source)
        defer { city.remove() }
        try city.write("logs/old/a/runs.csv", Self.rows.joined(separator: "\n") + "\n")
        try city.write("logs/old/b/runs.csv", Self.rows[0] + "\n")
        _ = try night(city)
        #expect(try hours(city) == 2.13)
        try city.write("logs/new/a/runs.csv", Self.rows.joined(separator: "\n") + "\n")
        try city.write("logs/new/b/runs.csv", Self.rows[0] + "\n")
        try FileManager.default.removeItem(at: city.root.appendingPathComponent("logs/old"))
        let moved = try night(city)
        #expect(!moved.filesRenamed.contains { $0.from == "logs/old/b/runs.csv" && $0.to == "logs/new/a/runs.csv" }, "\(moved.filesRenamed)")
        #expect(try hours(city) == 2.13)
        try city.write("logs/new/a/runs.csv", (Self.rows + ["申請書入力,2024/05/04 09:00:00,正常終了,5"]).joined(separator: "\n") + "\n")
        _ = try night(city)
        #expect(try hours(city) == 2.47)
    }

    /// helper-106 #1: two departments' exports of one name in year folders of one name, both copied to renamed department
    /// folders and grown: every export begins with the header-only one's bytes, and the one with rows is taken by its own.
    @Test func ofTwoLinesAFileBeginsWithTheOneThatHeldTheMostIsTaken() throws {
        let city = try TemporaryCity(catalog: Self.catalog, sources: Self.source)
        defer { city.remove() }
        try city.write("logs/old/A課/2024/runs.csv", Self.rows[0] + "\n")
        try city.write("logs/old/B課/2024/runs.csv", Self.rows.joined(separator: "\n") + "\n")
        _ = try night(city)
        #expect(try hours(city) == 2.13)
        let added = "申請書入力,2024/05/04 09:00:00,正常終了,5"
        try city.write("logs/new/X部/2024/runs.csv", (Self.rows + [added]).joined(separator: "\n") + "\n")
        try city.write("logs/new/Y部/2024/runs.csv", Self.rows[0] + "\n" + "申請書入力,2024/05/05 09:00:00,正常終了,5" + "\n")
        try FileManager.default.removeItem(at: city.root.appendingPathComponent("logs/old"))
        let moved = try night(city)
        #expect(moved.filesRenamed.contains { $0.from == "logs/old/B課/2024/runs.csv" && $0.to == "logs/new/X部/2024/runs.csv" }, "\(moved.filesRenamed)")
        // 32 + 5 + 5 items × 4 min = 168 min = 2.80 h; B課's rows counted twice were 4.93 h.
        #expect(try hours(city) == 2.8)
    }

    /// helper-107 #1: folders laid out anew on the new share, so that no old path shares a folder with a new one (A), or the
    /// header-only export's does and the one with rows' does not (B): each grown file takes the line it begins with that
    /// held the most.
    @Test(arguments: [
        (["logs/old/税務課/2024/runs.csv", "logs/old/福祉課/2024/runs.csv"], ["logs/new/税務課_2024/runs.csv", "logs/new/福祉課_2024/runs.csv"]),
        (["logs/old/税務課/2024/runs.csv", "logs/old/福祉課/runs.csv"], ["logs/new/税務課/2024/runs.csv", "logs/new/福祉課/2024/runs.csv"]),
    ])
    func aShareLaidOutAnewTakesEachLineByItsBytes(old: [String], new: [String]) throws {
        let city = try TemporaryCity(catalog: Self.catalog, sources: Self.source)
        defer { city.remove() }
        // The first department's export holds only its header; the second's its three rows.
        try city.write(old[0], Self.rows[0] + "\n")
        try city.write(old[1], Self.rows.joined(separator: "\n") + "\n")
        _ = try night(city)
        try city.write(new[0], Self.rows[0] + "\n申請書入力,2024/05/05 09:00:00,正常終了,5\n")
        try city.write(new[1], (Self.rows + ["申請書入力,2024/05/04 09:00:00,正常終了,5"]).joined(separator: "\n") + "\n")
        try FileManager.default.removeItem(at: city.root.appendingPathComponent("logs/old"))
        let moved = try night(city)
        #expect(Set(moved.filesRenamed.map { "\($0.from)>\($0.to)" }) == ["\(old[0])>\(new[0])", "\(old[1])>\(new[1])"], "\(moved.filesRenamed)")
        // 32 + 5 + 5 items × 4 min = 168 min = 2.80 h.
        #expect(try hours(city) == 2.8)
    }

    /// A file of that name whose bytes do not begin with the counted file's (a row of it changed) is not taken for it.
    @Test func anExportOfTheSameNameWithOtherEarlierRowsIsNotTakenForIt() throws {
        let city = try TemporaryCity(catalog: Self.catalog, sources: Self.source)
        defer { city.remove() }
        try city.write("logs/old-share/runs.csv", Self.rows.joined(separator: "\n") + "\n")
        _ = try night(city)
        var changed = Self.rows
        changed[1] = "申請書入力,2024/05/01 09:00:00,正常終了,11"
        try city.write("logs/new-share/runs.csv", (changed + ["申請書入力,2024/05/04 09:00:00,正常終了,5"]).joined(separator: "\n") + "\n")
        try FileManager.default.removeItem(at: city.root.appendingPathComponent("logs/old-share"))
        let moved = try night(city)
        #expect(moved.filesRenamed.isEmpty)
        #expect(moved.filesGone == ["logs/old-share/runs.csv"])
    }
}
