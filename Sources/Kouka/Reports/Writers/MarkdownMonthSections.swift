
/// The sections only a month's Markdown report has: where its fiscal year stands, and the month week by week.
enum MarkdownMonthSections {
    static func write(_ report: YearReport, to out: inout some TextOutputStream) {
        func line(_ text: String = "") { out.write(text + "\n") }
        if let y = report.yearToDate {
            line("## \(y.label)の累計（\(y.from) 〜 \(y.through)）")
            line()
            if y.targets.isEmpty {
                line("この年度の目標は設定されていません。")
            } else {
                line("| 指標 | 年度の目標 | 累計の実績 | 目標に対して | 3月31日までの見込み |")
                line("| --- | ---: | ---: | ---: | ---: |")
                for t in y.targets {
                    let share = TargetText.share(t).map { NumberText.grouped($0, decimals: 1) + "%" } ?? "—"
                    var projected = "—"
                    if t.metric == "rpa-hours", let p = y.projection {
                        projected = NumberText.grouped(p.projectedRPAHours) + (p.onTrack.map { $0 ? "（達成の見込み）" : "（未達成の見込み）" } ?? "")
                    }
                    line("| \(t.label) | \(NumberText.grouped(t.target, decimals: TargetText.decimals(t))) | \(TargetText.actual(t)) | \(share) | \(projected) |")
                }
            }
            line()
            var text = "年度の累計の削減時間（全ツール）\(NumberText.grouped(y.hoursSaved)) 時間。"
            if let p = y.projection { text += "見込みは \(p.asOf) 現在、\(p.basis)。" }
            line(text)
            line()
        }
        if let weeks = report.weeks {
            line("## 週ごとの削減時間")
            line()
            line("| 期間 | 削減時間（時間） | " + SystemFamily.allCases.map(\.japaneseLabel).joined(separator: " | ") + " |")
            line("| --- | ---: |" + String(repeating: " ---: |", count: SystemFamily.allCases.count))
            for w in weeks {
                line("| \(w.from) 〜 \(w.to) | \(NumberText.grouped(w.hoursSaved)) | "
                    + SystemFamily.allCases.map { NumberText.grouped(w.bySystem[$0.rawValue] ?? 0) }.joined(separator: " | ") + " |")
            }
            line()
            line("週は各月1日から7日ずつ区切る（最後の週は月末まで）。")
            line()
        }
    }
}
