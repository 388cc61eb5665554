import Foundation
@testable import Kouka
import Testing

/// No record is held beyond 16 MiB, however a file is broken: a CSV row or a UiPath line longer than that
/// is rejected with its line and passed over to its end, and the rows after it count. These write files of
/// about 17 MiB, the only slow tests of the bad-input corpus.
@Suite struct OversizedRecordTests {
    /// 17 MiB of one ASCII byte: one field or message longer than any limit.
    static let oversized = Data(repeating: UInt8(ascii: "y"), count: 17 << 20)

    @Test func aCSVRowLongerThan16MiBIsRejectedAloneAndTheRowsAfterItCount() throws {
        #expect(CSVReader.maxRecordBytes == 16 << 20)
        let city = try TemporaryCity()
        defer { city.remove() }
        func row(_ id: String, _ day: Int) -> Data {
            (TemporaryCity.winActorRow(id, "転入届入力", "FINISH", "2024/05/0\(day) 10:00:00") + "\r\n").data(using: .shiftJIS)!
        }
        var export = (TemporaryCity.winActorHeader + "\r\n").data(using: .shiftJIS)!
        export += row("t1", 1)
        // A scenario name run wild: the row is cut at the limit and read on from its line's end.
        export += Data("t2,x,sc,".utf8) + Self.oversized + Data(",FINISH,確認済\r\n".data(using: .shiftJIS)!)
        export += row("t3", 3) + row("t4", 4)
        try export.write(to: city.root.appendingPathComponent("logs/a.csv"))
        let summary = try city.nightly()
        try expectQuarantined(city, summary, [.init("logs/a.csv", 3, "the row is longer than 16 MiB")], accepted: 3)
        let report = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2024), logger: .silent).build()
        #expect(report.tasks.first?.successes == 3, "t1, t3 and t4")
    }

    @Test func aUiPathLineLongerThan16MiBIsRejectedAloneAndTheLinesAfterItCount() throws {
        #expect(LineReader.maxLineBytes == 16 << 20)
        let city = try TemporaryCity(catalog: IncrementalIngestTests.catalog, sources: IncrementalIngestTests.source)
        defer { city.remove() }
        let before = IncrementalIngestTests.fullDay.prefix(2), after = IncrementalIngestTests.fullDay.dropFirst(2)
        var log = Data((before.joined(separator: "\n") + "\n").utf8)
        log += Data(#"11:00:00.0000 Info {"message":""#.utf8) + Self.oversized + Data(#"","jobId":"j9"}"#.utf8) + Data("\n".utf8)
        log += Data((after.joined(separator: "\n") + "\n").utf8)
        try log.write(to: city.root.appendingPathComponent("logs/2024-05-01_Execution.log"))
        let summary = try city.nightly()
        try expectQuarantined(city, summary, [.init("logs/2024-05-01_Execution.log", 3, "the line is longer than 16 MiB")],
                              accepted: IncrementalIngestTests.fullDay.count)
        let report = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2024), logger: .silent).build()
        // j1–j4 as without the long line: three successes, and j3 failed.
        #expect(report.tasks.first?.successes == 3)
        #expect(report.tasks.first?.failures == 1)
    }
}
