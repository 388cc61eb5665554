import Foundation
import Kouka
import Testing

/// A fiscal-year report made while the year is under way sets its hours to date against the licences of the months begun,
/// as its month reports and its own tool review do: before, its 費用対効果 table charged the whole year's licence beside a
/// review charging April's twelfth (helper-92's year-under-way-money-bears-whole-licence.sh). Verified once the year is
/// over, it is held to the months of the day it states, not charged with the rest of the year.
@Suite struct LicenceOfAYearUnderWayTests {
    static let money = "\n[money]\nhourly_staff_cost_yen = 3000\n[money.licence_yen]\nrpa = 1200000\n"

    @Test func aYearUnderWayBearsTheMonthsBegunAndVerifyHoldsItToThem() throws {
        let city = try TemporaryCity(sources: TemporaryCity.winActorSource + Self.money)
        defer { city.remove() }
        // T01 (180 − 15 min a run): one run, April 10.
        try city.write("logs/tasks.csv", TemporaryCity.winActorCSV([TemporaryCity.winActorRow("t1", "住民税_課税資料取込", "FINISH", "2025/04/10 09:00:00")]),
                       encoding: .shiftJIS)
        let may2 = LocalDate(year: 2025, month: 5, day: 2)
        let job = try city.yearUnderWay(madeOn: may2)
        let configuration = job.configuration
        let report = try job.build()
        // As of May 1: April and May begun, 1,200,000 × 2 ÷ 12; 2.75 h × 3,000 = 8,250 yen saved.
        #expect(report.money?.licenceYen == 200_000)
        #expect(report.money?.bySystem.first { $0.system == "rpa" }?.licenceYen == 200_000)
        #expect(report.money?.netYen == -191_750, "\(String(describing: report.money))")
        // Said beside the figure (helper-95 #6), in the Markdown as in every format rendered from the same text.
        var markdown = ""
        MarkdownReportWriter.write(report, to: &markdown)
        #expect(markdown.contains("ライセンス費は年額のうち4月から5月までの 2 か月分（年額 × 2 ÷ 12、円未満四捨五入）"), "\(markdown)")
        // The AI section speaks of the report's period, as the HTML does, not of "the year" in a month's report (helper-125 #2).
        #expect(markdown.contains("この期間に AI ツールの利用はありません。"))
        let review = try #require(report.review)
        let judged = try #require(review.columns.firstIndex(of: review.judged))
        let row = review.sections.first { $0.system == "rpa" }?.tables.flatMap(\.rows).first { $0.key == "licence-per-hour-saved" }
        let perHour = try #require(row?.values[judged])
        #expect(abs(perHour - 200_000 / 2.75) < 0.01, "the review's licence is the table's: \(perHour)")
        _ = try job.run()
        // A month on, the store bears June's licence too: the set is held to the months begun by the day it states
        // (helper-94's licence-year-under-way-formats.sh: named as made with other money settings, or edited).
        _ = try city.night(on: LocalDate(year: 2025, month: 6, day: 3))
        let verified = try VerifyAudit(configuration: configuration).run()
        #expect(!verified.differences.contains { $0.field.hasPrefix("money") }, "\(verified.differences)")
        #expect(!verified.differences.contains { $0.kind == "written-report" }, "\(verified.differences)")
    }
}
