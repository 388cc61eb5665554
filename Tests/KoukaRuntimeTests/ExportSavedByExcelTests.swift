import Foundation
@testable import Kouka
import Testing

/// An export without a run id opened and saved by Excel writes `2024/5/1 10:00` for `2024/05/01 10:00:37`: its rows no
/// longer had the task, start and status of the same rows in the export beside it, and the runs in both counted twice
/// unnamed, every job exiting 0 (helper-109 #2: 3.00 h shown 5.00 h). They are named as identical rows, in whichever order
/// the two exports are read.
@Suite struct ExportSavedByExcelTests {
    static let catalog = """
        task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,rework_minutes_per_failure,valid_from,match
        B1,郵送請求,市民課,rpa,runs,60,0,0,2020-04-01,郵送請求

        """
    static let source = """
        [[source]]
        format = "rpa-csv"
        path = "logs/*.csv"
        [source.columns]
        task = "ロボット名"
        start = "開始日時"
        status = "結果"
        [source.values]
        success = ["正常終了"]
        """
    static let exported = "ロボット名,開始日時,結果\n郵送請求,2024/05/01 10:00:37,正常終了\n郵送請求,2024/05/02 10:00:12,正常終了\n"
    /// May 1 to 3, saved by Excel: the first two rows are the export's above.
    static let savedByExcel = "ロボット名,開始日時,結果\n郵送請求,2024/5/1 10:00,正常終了\n郵送請求,2024/5/2 10:00,正常終了\n郵送請求,2024/5/3 10:01,正常終了\n"

    @Test(arguments: [("a-0502.csv", "b-0503.csv"), ("b-0502.csv", "a-0503.csv")])
    func theSameRowsSavedByExcelAreNamed(exportedName: String, savedName: String) throws {
        let city = try TemporaryCity(catalog: Self.catalog, sources: Self.source)
        defer { city.remove() }
        try city.write("logs/\(exportedName)", Self.exported)
        try city.write("logs/\(savedName)", Self.savedByExcel)
        let night = try city.nightly()
        #expect(night.rowsIdentical == 2)
        // Named in the file read second, with the first.
        let later = max(exportedName, savedName)
        #expect(night.identicalRows.map(\.path) == ["logs/\(later)"])
        #expect(night.identicalRows.first?.reason.contains("logs/\(min(exportedName, savedName))") == true)
        #expect(night.exitCode == .doneWithFindings)
        // Still counted in both, as rows identical to the second are: nothing tells them one run for certain.
        #expect(try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run().differences.isEmpty)
    }

    /// Two exports whose runs are in the same minutes at other seconds are other runs: nothing is named.
    @Test func runsOfOneMinuteAtOtherSecondsAreNotNamed() throws {
        let city = try TemporaryCity(catalog: Self.catalog, sources: Self.source)
        defer { city.remove() }
        try city.write("logs/a.csv", Self.exported)
        try city.write("logs/b.csv", Self.exported.replacingOccurrences(of: ":37", with: ":05").replacingOccurrences(of: ":12", with: ":59"))
        let night = try city.nightly()
        #expect(night.rowsIdentical == 0)
        #expect(night.exitCode == .done)
    }

    static let ocrCatalog = """
        task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,rework_minutes_per_failure,valid_from,match
        A1,住民票の入力,市民課,ai-ocr,sheets,6,1,0,2020-04-01,住民票

        """
    static let ocrSource = """
        [[source]]
        format = "ai-ocr-csv"
        path = "ocr/*.csv"
        [source.columns]
        time = "読取日時"
        form = "帳票名"
        sheets = "読取枚数"
        """

    /// An AI tool's uses of one form in one minute are ordinary: two terminals' logs, one use at second 0, are not named;
    /// the same log saved by Excel (every time a whole minute) is.
    @Test func aToolsUsesAreComparedToTheMinuteOnlyFromAnExportWithoutSeconds() throws {
        let city = try TemporaryCity(catalog: Self.ocrCatalog, sources: Self.ocrSource)
        defer { city.remove() }
        try city.write("ocr/a-terminal1.csv", "読取日時,帳票名,読取枚数\n2024/05/01 10:00:00,住民票,3\n2024/05/01 10:07:21,住民票,2\n")
        try city.write("ocr/b-terminal2.csv", "読取日時,帳票名,読取枚数\n2024/05/01 10:00:30,住民票,4\n")
        #expect(try city.nightly().rowsIdentical == 0)
        try city.write("ocr/c-saved.csv", "読取日時,帳票名,読取枚数\n2024/5/1 10:07,住民票,2\n")
        let night = try city.nightly()
        #expect(night.identicalRows.map(\.path) == ["ocr/c-saved.csv"])
        #expect(night.rowsIdentical == 1)
    }
}
