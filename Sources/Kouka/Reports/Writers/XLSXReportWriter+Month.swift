
extension XLSXReportWriter {
    /// A month's sheets: the month week by week, and its fiscal year to date against the year's targets.
    static func writeMonth(_ report: YearReport, to book: Book) {
        if let weeks = report.weeks {
            let sheet = book.sheet("週別", header: ["から", "まで", "削減時間（時間）"] + SystemFamily.allCases.map { "\($0.japaneseLabel)（時間）" })
            for (i, w) in weeks.enumerated() {
                let r = UInt32(i + 1)
                sheet.text(r, 0, w.from); sheet.text(r, 1, w.to); sheet.number(r, 2, w.hoursSaved)
                for (j, family) in SystemFamily.allCases.enumerated() { sheet.number(r, UInt16(j + 3), w.bySystem[family.rawValue] ?? 0) }
            }
        }
        if let y = report.yearToDate {
            let sheet = book.sheet("年度累計", header: ["指標", "年度の目標", "累計の実績", "目標に対する割合（%）", "3月31日までの見込み", "見込みの判定"])
            var r: UInt32 = 1
            for t in y.targets {
                let count = t.metric != "rpa-hours"
                sheet.text(r, 0, "\(t.label)（\(y.from) 〜 \(y.through)）"); sheet.number(r, 1, t.target, whole: count)
                if let actual = t.actual { sheet.number(r, 2, actual, whole: count) } else { sheet.text(r, 2, PeriodTableText.noRecords) }
                if let share = TargetText.share(t) { sheet.number(r, 3, Rounding.hundredths(share)) }
                if t.metric == "rpa-hours", let p = y.projection {
                    sheet.number(r, 4, p.projectedRPAHours)
                    if let onTrack = p.onTrack { sheet.text(r, 5, onTrack ? "達成の見込み" : "未達成の見込み") }
                }
                r += 1
            }
            sheet.text(r, 0, "削減時間（全ツール、時間）（\(y.from) 〜 \(y.through)）"); sheet.number(r, 2, y.hoursSaved); r += 1
            if let p = y.projection { sheet.text(r, 0, "見込みの算定方法（\(p.asOf) 現在）"); sheet.text(r, 1, p.basis) }
        }
    }
}
