import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Kouka
import Testing

/// A robot's daily log replaced by another file — moved over it, deleted and created again, rewritten in
/// place — is read whole, however much its first and last bytes look like the log read before: only a
/// log that is the same file, grown, is read on from where the last run stopped.
@Suite struct ReplacedLogTests {
    static let file = "logs/2024-05-01_Execution.log"
    static let catalog = """
        task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,rework_minutes_per_failure,valid_from,match
        T01,住民票の郵送請求,市民課,rpa,runs,40,8,10,2020-04-01,住民票郵送請求
        T02,印鑑登録証明書の郵送請求,市民課,rpa,runs,30,5,10,2020-04-01,印鑑証明書請求

        """

    /// The two lines of job `id` of `process`, started `minute` minutes after 08:00 on 2024-05-01 and
    /// ended 30 s later. Both process names are seven kanji: a job of one is as long as a job of the other.
    static func job(_ id: String, _ process: String, minute: Int) -> String {
        let time = String(format: "%02d:%02d:00", 8 + minute / 60, minute % 60)
        let end = String(format: "%02d:%02d:30", 8 + minute / 60, minute % 60)
        func line(_ at: String, _ message: String, _ extra: String) -> String {
            #"\#(at).0000 Info {"message":"\#(message)","level":"Information","logType":"Default","timeStamp":"2024-05-01T\#(at).0000000+09:00","processName":"\#(process)","jobId":"\#(id)"\#(extra)}"#
        }
        return line(time, "\(process) execution started", "") + "\n" + line(end, "\(process) execution ended", #","totalExecutionTimeInSeconds":30"#) + "\n"
    }

    /// A log over 64 KiB at each end: 150 jobs of 住民票郵送請求, 30 jobs of `middle`, 150 more of 住民票郵送請求.
    static func log(middle: String) -> String {
        let head = (0..<150).map { job(String(format: "h%04d", $0), "住民票郵送請求", minute: $0) }.joined()
        let centre = (0..<30).map { job(String(format: "m%04d", $0), middle, minute: 150 + $0) }.joined()
        let tail = (0..<150).map { job(String(format: "t%04d", $0), "住民票郵送請求", minute: 180 + $0) }.joined()
        return head + centre + tail
    }

    static let window = 64 * 1024

    func night(_ city: TemporaryCity, _ number: Int) throws -> NightlySummary {
        let today = LocalDate(year: 2024, month: 5, day: 1 + number)
        return try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent,
                              options: NightlyOptions(today: today, now: LocalClock.tokyo.instant(of: today, hour: 2, minute: 0, second: 0))).run()
    }

    /// Successes by task in the FY2024 report.
    func successes(_ city: TemporaryCity) throws -> [String: Int] {
        let report = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2024), logger: .silent).build()
        return report.tasks.reduce(into: [:]) { $0[$1.task, default: 0] += $1.successes }
    }

    func city() throws -> TemporaryCity {
        try TemporaryCity(catalog: Self.catalog, sources: IncrementalIngestTests.source)
    }

    func url(_ city: TemporaryCity) -> URL { city.root.appendingPathComponent(Self.file) }

    @Test func aLogReplacedByMoveWithTheSameFirstAndLastBytesIsReadWhole() throws {
        let city = try city()
        defer { city.remove() }
        let before = Self.log(middle: "住民票郵送請求")
        let after = Self.log(middle: "印鑑証明書請求")
        // Only the middle differs: the first and last 64 KiB the last run read are the same bytes.
        try #require(before.utf8.count == after.utf8.count)
        try #require(Array(before.utf8.prefix(Self.window)) == Array(after.utf8.prefix(Self.window)))
        try #require(Array(before.utf8.suffix(Self.window)) == Array(after.utf8.suffix(Self.window)))
        try city.write(Self.file, before)
        _ = try night(city, 0)
        #expect(try successes(city) == ["T01": 330])
        // Another file, with five more jobs, is moved over the log.
        let extra = (0..<5).map { Self.job(String(format: "x%04d", $0), "住民票郵送請求", minute: 400 + $0) }.joined()
        try city.write("logs/replacement.tmp", after + extra)
        #expect(rename(city.root.appendingPathComponent("logs/replacement.tmp").path, url(city).path) == 0)
        let second = try night(city, 1)
        #expect(second.filesAppended == 0)
        #expect(second.filesRead == 1)
        #expect(second.filesInDoubt.map(\.path) == [Self.file])
        #expect(second.filesInDoubt.first?.reason == "another file stands at its path (a new inode)")
        #expect(try successes(city) == ["T01": 305, "T02": 30])
        // The log then grows as a log does: read on from where the last run stopped.
        let handle = try FileHandle(forWritingTo: url(city))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((0..<3).map { Self.job(String(format: "y%04d", $0), "住民票郵送請求", minute: 410 + $0) }.joined().utf8))
        try handle.close()
        let third = try night(city, 2)
        #expect(third.filesAppended == 1)
        #expect(third.filesInDoubt.isEmpty)
        #expect(third.rowsRead == 6)
        #expect(try successes(city) == ["T01": 308, "T02": 30])
    }

    @Test func aLogDeletedAndCreatedAgainWithTheSameSizeAndTimeIsNotTakenForUnchanged() throws {
        let city = try city()
        defer { city.remove() }
        let path = url(city).path
        try city.write(Self.file, Self.log(middle: "住民票郵送請求"))
        _ = try night(city, 0)
        var old = stat()
        try #require(stat(path, &old) == 0)
        // Deleted, and another log of the same size written at the path, its modification time set back.
        try FileManager.default.removeItem(atPath: path)
        try city.write(Self.file, Self.log(middle: "印鑑証明書請求"))
        var times = [old.st_atim, old.st_mtim]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        var new = stat()
        try #require(stat(path, &new) == 0)
        try #require(new.st_size == old.st_size && new.st_mtim.tv_sec == old.st_mtim.tv_sec && new.st_mtim.tv_nsec == old.st_mtim.tv_nsec)
        // Whether the filesystem gave it the old inode or not, it is not the file read before.
        let second = try night(city, 1)
        #expect(second.filesUnchanged == 0, "inode reused: \(new.st_ino == old.st_ino)")
        #expect(second.filesRead == 1)
        #expect(second.filesInDoubt.map(\.path) == [Self.file])
        #expect(try successes(city) == ["T01": 300, "T02": 30])
        #expect(try night(city, 2).filesUnchanged == 1)
    }

    @Test func aLogRewrittenInPlaceWithTheSameSizeIsReadWhole() throws {
        let city = try city()
        defer { city.remove() }
        try city.write(Self.file, Self.log(middle: "住民票郵送請求"))
        _ = try night(city, 0)
        var old = stat()
        try #require(stat(url(city).path, &old) == 0)
        // The same inode, the same size, other bytes in the middle.
        let handle = try FileHandle(forWritingTo: url(city))
        try handle.write(contentsOf: Data(Self.log(middle: "印鑑証明書請求").utf8))
        try handle.close()
        var new = stat()
        try #require(stat(url(city).path, &new) == 0)
        try #require(new.st_ino == old.st_ino && new.st_size == old.st_size)
        let second = try night(city, 1)
        #expect(second.filesAppended == 0)
        #expect(second.filesRead == 1)
        #expect(second.filesInDoubt.first?.reason.hasPrefix("it changed without growing") == true)
        #expect(try successes(city) == ["T01": 300, "T02": 30])
    }
}
