import Foundation
@testable import Kouka
import Testing

/// An AI task whose catalog row is renamed from a day in the year is named by its latest row in the AI-supported tasks, as
/// its task line is (helper-172 #1: 業務別 said the new name, AIを活用した業務 the old one, in one report).
struct AITaskNameTests {
    @Test func theLatestRowNamesTheTask() throws {
        let catalog = BadValueTests.catalog.replacingOccurrences(of: "A01,児童手当認定請求書,子育て支援課,ai-ocr,sheets,3,1,0,2020-04-01,児童手当認定請求書\n", with: """
            A01,児童手当認定請求書,子育て支援課,ai-ocr,sheets,3,1,0,2020-04-01,児童手当認定請求書
            A01,児童手当認定請求書のAI-OCR入力,子育て支援課,ai-ocr,sheets,4,1,0,2024-10-01,児童手当認定請求書

            """)
        let city = try TemporaryCity(catalog: catalog, sources: BadValueTests.ocrSource)
        defer { city.remove() }
        try city.write("logs/ocr/jobs.csv", """
            読取日時,帳票名,読取枚数,状態
            2024/06/01 10:00:00,児童手当認定請求書,5,完了
            2024/11/01 10:00:00,児童手当認定請求書,5,完了

            """)
        _ = try city.nightly()
        let report = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2024), logger: .silent).build()
        #expect(report.tasks.first { $0.task == "A01" }?.name == "児童手当認定請求書のAI-OCR入力")
        #expect(report.aiTasks.first { $0.task == "A01" }?.name == "児童手当認定請求書のAI-OCR入力")
    }
}
