import Foundation
@testable import Kouka
import Testing

/// Bytes a configured encoding cannot decode, and counts no run could have, in the sources that are not
/// WinActor's: each costs its own row, named with its column, and the rest of the file counts.
@Suite struct BadValueTests {
    static let catalog = """
        task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,rework_minutes_per_failure,valid_from,match
        T01,住民税課税資料の取込,税務課,rpa,runs,180,15,30,2020-04-01,住民税_課税資料取込
        T03,申請書の入力,市民課,rpa,items,5,1,0,2020-04-01,申請書入力
        A01,児童手当認定請求書,子育て支援課,ai-ocr,sheets,3,1,0,2020-04-01,児童手当認定請求書

        """

    static let flowSource = """
        [[source]]
        format = "power-automate-flowsession"
        path = "logs/flows/*.csv"
        encoding = "utf-8"
        """

    static let robotSource = """
        [[source]]
        format = "rpa-csv"
        path = "logs/robots/*.csv"
        encoding = "utf-8"
        [source.columns]
        task = "ロボット名"
        start = "開始日時"
        status = "結果"
        items = "処理件数"
        [source.values]
        success = ["正常終了"]
        failure = ["異常終了"]
        """

    static let ocrSource = """
        [[source]]
        format = "ai-ocr-csv"
        path = "logs/ocr/*.csv"
        encoding = "utf-8"
        [source.columns]
        time = "読取日時"
        form = "帳票名"
        sheets = "読取枚数"
        status = "状態"
        [source.values]
        success = ["完了"]
        failure = ["エラー"]
        """

    func write(_ city: TemporaryCity, _ name: String, _ bytes: Data) throws {
        let url = city.root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try bytes.write(to: url)
    }

    func lines(_ lines: [String]) -> Data { Data((lines.joined(separator: "\n") + "\n").utf8) }

    @Test func invalidUTF8BytesInASourceSetToUTF8RejectOnlyTheirRows() throws {
        let city = try TemporaryCity(catalog: Self.catalog, sources: Self.flowSource + "\n" + Self.robotSource)
        defer { city.remove() }
        // A flow name and a robot name with bytes that are no UTF-8 (a Shift_JIS fragment, a lone 0xFF).
        var flows = lines([
            "flowsessionid,name,startedon,completedon,runduration,statuscode",
            "a,住民税_課税資料取込,2024-05-01T00:00:00Z,2024-05-01T00:10:00Z,600,4",
        ])
        flows += Data("b,住民税_".utf8) + Data([0x89, 0xDB, 0xFF]) + Data(",2024-05-02T00:00:00Z,2024-05-02T00:10:00Z,600,4\n".utf8)
        flows += lines(["c,住民税_課税資料取込,2024-05-03T00:00:00Z,2024-05-03T00:10:00Z,600,4"])
        try write(city, "logs/flows/export.csv", flows)
        var robots = lines(["ロボット名,開始日時,結果,処理件数", "申請書入力,2024/05/01 09:00:00,正常終了,10"])
        robots += Data([0xC3, 0x28]) + Data(",2024/05/02 09:00:00,正常終了,10\n".utf8)
        robots += lines(["申請書入力,2024/05/03 09:00:00,正常終了,12"])
        try write(city, "logs/robots/runs.csv", robots)
        let summary = try city.nightly()
        try expectQuarantined(city, summary, [
            .init("logs/flows/export.csv", 3, "column name is not valid utf-8 text"),
            .init("logs/robots/runs.csv", 3, "column ロボット名 is not valid utf-8 text"),
        ], accepted: 4)
        #expect(summary.unmapped.isEmpty, "the broken names are not counted as names the catalog lacks")
    }

    @Test func countsNoRunCouldHaveAreRejectedWithTheirColumn() throws {
        let city = try TemporaryCity(catalog: Self.catalog, sources: Self.robotSource + "\n" + Self.ocrSource)
        defer { city.remove() }
        try write(city, "logs/robots/runs.csv", lines([
            "ロボット名,開始日時,結果,処理件数",
            "申請書入力,2024/05/01 09:00:00,正常終了,10",
            "申請書入力,2024/05/02 09:00:00,正常終了,-3",
            "申請書入力,2024/05/03 09:00:00,正常終了,2000000000",
            "申請書入力,2024/05/04 09:00:00,正常終了,1e300",
            "申請書入力,2024/05/05 09:00:00,正常終了,\"1,000\"",
        ]))
        try write(city, "logs/ocr/jobs.csv", lines([
            "読取日時,帳票名,読取枚数,状態",
            "2024/05/01 09:15,児童手当認定請求書,12,完了",
            "2024/05/01 10:15,児童手当認定請求書,5000000000,完了",
            "2024/05/01 11:15,児童手当認定請求書,NaN,完了",
        ]))
        let summary = try city.nightly()
        try expectQuarantined(city, summary, [
            .init("logs/robots/runs.csv", 3, "column 処理件数 is not a non-negative number: -3"),
            .init("logs/robots/runs.csv", 4, "column 処理件数 is more than any one run can hold: 2000000000; check the export"),
            .init("logs/robots/runs.csv", 5, "column 処理件数 is more than any one run can hold"),
            .init("logs/ocr/jobs.csv", 3, "column 読取枚数 is more than any one run can hold: 5000000000"),
            .init("logs/ocr/jobs.csv", 4, "column 読取枚数 is not a non-negative number"),
        ], accepted: 3)
        // What is left counts as written: 10 and 1,000 items, 12 sheets.
        let report = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2024), logger: .silent).build()
        #expect(report.tasks.map(\.units).sorted() == [12, 1010])
    }
}
