import Foundation
import Kouka
import Testing

/// Issue 13 item 12: every report's method states the office hours its chatbot answers were judged by,
/// whether answers outside them are left out, and names the files judged by other hours.
@Suite struct OfficeHoursMethodTests {
    static func method(excluding: Bool, others: [String: String] = [:]) -> String {
        ReportBuilder.build(ReportInputs(
            period: .fiscalYear(FiscalYear(2024)), rollups: [], catalog: TaskCatalog(entries: []), catalogPath: "catalog.csv", catalogSHA256: "",
            targets: .dxPolicyDefaults, sources: [:], timezone: "Asia/Tokyo", excludeOffHoursChatbotAnswers: excluding,
            officeHours: OfficeHours(opens: 9 * 60, closes: 17 * 60), otherOfficeHours: others)).method.officeHours
    }

    @Test func theHoursAndWhetherAnswersOutsideThemCountAreStated() {
        let excluded = Self.method(excluding: true)
        #expect(excluded.contains("開庁時間（月曜〜金曜 09:00〜17:00。祝日は区別しない）外のもの"))
        #expect(excluded.contains("削減時間にもAIの利用にも数えず"))
        #expect(excluded.contains("exclude_chatbot_answers = true"))
        let counted = Self.method(excluding: false)
        #expect(counted.contains("月曜〜金曜 09:00〜17:00"))
        #expect(counted.contains("外のものも削減時間に数える"))
        #expect(counted.contains("exclude_chatbot_answers = false"))
        #expect(!excluded.contains("ただし") && !counted.contains("ただし"))
    }

    @Test func filesJudgedByOtherHoursAreNamedWithThem() {
        let text = Self.method(excluding: true, others: ["logs/b.csv": "mon-fri 08:30-17:15", "logs/a.csv": "unknown"])
        #expect(text.contains("logs/a.csv（不明（開庁時間を記録しない版の Kouka で読込））、logs/b.csv（月曜〜金曜 08:30〜17:15）"), "\(text)")
    }
}
