
/// The sections only a month's HTML report has: where its fiscal year stands, and the month week by week.
enum HTMLMonthSections {
    static func yearToDate(_ y: YearToDate, to out: inout some TextOutputStream) {
        let e = HTMLText.escape
        out.write("<section><h2>\(e(y.label))の累計（\(y.from) 〜 \(y.through)）</h2>")
        out.write("<table class=\"compact\"><thead><tr><th>指標</th><th>年度の目標</th><th>累計の実績</th><th>目標に対して</th><th>3月31日までの見込み</th></tr></thead><tbody>\n")
        for t in y.targets {
            let share = TargetText.share(t).map { NumberText.grouped($0, decimals: 1) + "%" } ?? "—"
            var projected = "—"
            if t.metric == "rpa-hours", let p = y.projection {
                projected = NumberText.grouped(p.projectedRPAHours) + (p.onTrack.map { $0 ? "（達成の見込み）" : "（未達成の見込み）" } ?? "")
            }
            out.write(#"<tr><td>\#(e(t.label))</td><td class="n">\#(NumberText.grouped(t.target, decimals: TargetText.decimals(t)))</td><td class="n">\#(TargetText.actual(t))</td><td class="n">\#(share)</td><td class="n">\#(projected)</td></tr>"# + "\n")
        }
        out.write("</tbody></table>")
        out.write("<p>年度の累計の削減時間（全ツール） <b>\(NumberText.grouped(y.hoursSaved))</b> 時間。")
        if let p = y.projection { out.write("見込みは \(p.asOf) 現在、\(e(p.basis))。") }
        if y.targets.isEmpty { out.write("この年度の目標は設定されていません。") }
        out.write("</p></section>\n")
    }

    static func weeks(_ weeks: [WeekLine], to out: inout some TextOutputStream) {
        out.write("<section><h2>週ごとの削減時間</h2>")
        let bars = weeks.map { SVGBarChart.Bar(label: "\(day($0.from))〜\(day($0.to))日", value: $0.hoursSaved) }
        out.write(SVGBarChart(bars: bars, unit: "時間").vertical())
        out.write("<table class=\"compact\"><thead><tr><th>期間</th><th>削減時間</th>" + SystemFamily.allCases.map { "<th>\($0.japaneseLabel)</th>" }.joined() + "</tr></thead><tbody>\n")
        for w in weeks {
            out.write(#"<tr><td class="nw">\#(w.from) 〜 \#(w.to)</td><td class="n">\#(NumberText.grouped(w.hoursSaved))</td>"#
                + SystemFamily.allCases.map { #"<td class="n">\#(NumberText.grouped(w.bySystem[$0.rawValue] ?? 0))</td>"# }.joined() + "</tr>\n")
        }
        out.write("</tbody></table><p class=\"note\">週は各月1日から7日ずつ区切る（最後の週は月末まで）。</p></section>\n")
    }

    /// `2024-05-08` → `8`.
    static func day(_ date: String) -> String { String(date.suffix(2).drop { $0 == "0" }) }
}
