
/// Writes a report as one self-contained HTML file: inline CSS and SVG charts, no script, nothing from
/// outside, every name from a log escaped. Labels are Japanese; numbers carry thousands separators.
package enum HTMLReportWriter {
    package static func write(_ r: YearReport, to out: inout some TextOutputStream) {
        func w(_ text: String) { out.write(text); out.write("\n") }
        let e = HTMLText.escape
        let title = "\(r.label) RPA・AI 効果測定報告"
        w("<!DOCTYPE html>")
        w(#"<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">"#)
        w("<title>\(e(title))</title><style>\(style)\(HTMLPrintStyle.css(title: "\(title)（FY\(r.fiscalYear)）", generatedAt: r.generatedAt))</style></head><body>")
        w("<header><h1>\(e(title))</h1>")
        w(#"<p class="meta">期間 \#(r.from) 〜 \#(r.to)（\#(e(r.timezone))）・作成 \#(e(r.generatedAt))・Kouka \#(e(r.koukaVersion))</p></header>"#)
        if let running = r.runsStillRunning { w(#"<p class="notice"><b>\#(e(running.notice))</b></p>"#) }
        if let preliminary = r.preliminary { w(#"<p class="notice"><b>\#(e(preliminary.notice))</b></p>"#) }
        for restatement in r.restatements ?? [] {
            w(#"<section><h2>改訂（\#(e(restatement.replacedGeneratedAt)) 作成の報告から）</h2><p class="notice"><b>\#(e(restatement.notice))</b></p>"#)
            w("<table><thead><tr><th>数値</th><th>改訂前</th><th>改訂後</th></tr></thead><tbody>")
            for change in restatement.listed {
                w(#"<tr><td>\#(e(change.label))</td><td class="n">\#(change.text(change.before))</td><td class="n">\#(change.text(change.after))</td></tr>"#)
            }
            w("</tbody></table></section>")
        }

        if !r.targets.isEmpty {
            w("<section><h2>目標と実績</h2><table><thead><tr><th>指標</th><th>目標</th><th>実績</th><th>達成</th></tr></thead><tbody>")
            for t in r.targets {
                w(#"<tr><td>\#(e(t.label))</td><td class="n">\#(NumberText.grouped(t.target, decimals: TargetText.decimals(t)))</td><td class="n">\#(TargetText.actual(t))</td><td class="\#(t.met ? "met" : "missed")">\#(TargetText.met(t))</td></tr>"#)
            }
            w(unmeasuredTargetRow(r))
            w("</tbody></table>")
            // Metrics differ in unit, so each is drawn as its share of its own target.
            let shares = r.targets.compactMap { t in TargetText.share(t).map { SVGBarChart.Bar(label: t.label, value: $0, marker: 100) } }
            w(SVGBarChart(bars: shares, unit: "%").horizontal())
            w(#"<p class="note">棒は目標に対する実績の割合、縦線は目標（100%）。</p></section>"#)
        }
        if let p = r.projection {
            w("<section><h2>年度末の見込み</h2><p>\(p.asOf) までの RPA 削減時間 <b>\(NumberText.grouped(p.rpaHoursToDate))</b> 時間、3月31日までの見込み <b>\(NumberText.grouped(p.projectedRPAHours))</b> 時間（\(e(p.basis))）。")
            if let onTrack = p.onTrack, let target = p.target {
                w(#"目標 \#(NumberText.grouped(target)) 時間に対し <span class="\#(onTrack ? "met" : "missed")">\#(onTrack ? "達成の見込み" : "未達成の見込み")</span>。"#)
            }
            w("</p></section>")
        }
        w(periodSections(r))
        if let y = r.yearToDate { HTMLMonthSections.yearToDate(y, to: &out) }
        if let weeks = r.weeks { HTMLMonthSections.weeks(weeks, to: &out) }
        w("<section><h2>月別の削減時間</h2>")
        if r.weeks == nil {
            w(SVGBarChart(bars: r.months.map { .init(label: String($0.month.suffix(2)) + "月", value: $0.hoursSaved) }, unit: "時間").vertical())
        }
        w("<table><thead><tr><th>月</th><th>削減時間</th>" + SystemFamily.allCases.map { "<th>\(e($0.japaneseLabel))</th>" }.joined() + "</tr></thead><tbody>")
        for m in r.months {
            w(#"<tr><td>\#(m.month)</td><td class="n">\#(NumberText.grouped(m.hoursSaved))</td>"# + SystemFamily.allCases.map { #"<td class="n">\#(NumberText.grouped(m.bySystem[$0.rawValue] ?? 0))</td>"# }.joined() + "</tr>")
        }
        w("</tbody></table>")
        w("</section>")
        w("<section><h2>ツール別の削減時間</h2>")
        w(SVGBarChart(bars: SystemFamily.allCases.map { .init(label: $0.japaneseLabel, value: r.hoursSaved.bySystem[$0.rawValue] ?? 0) }, unit: "時間").horizontal())
        w(#"<p>合計 <b>\#(NumberText.grouped(r.hoursSaved.total))</b> 時間（うち推計 \#(NumberText.grouped(r.hoursSaved.estimated)) 時間、実測にもとづく分 \#(NumberText.grouped(r.hoursSaved.measured)) 時間）。</p></section>"#)

        if let m = r.money {
            w("<section><h2>費用対効果</h2><table><thead><tr><th>ツール</th><th>削減額（円）</th><th>ライセンス費（円）</th><th>差引（円）</th></tr></thead><tbody>")
            for s in m.bySystem where s.savedYen != 0 || s.licenceYen != 0 {
                w(#"<tr><td>\#(e(ReportLabels.system(s.system)))</td><td class="n">\#(NumberText.grouped(s.savedYen, decimals: 0))</td><td class="n">\#(NumberText.grouped(s.licenceYen, decimals: 0))</td><td class="n">\#(NumberText.grouped(s.netYen, decimals: 0))</td></tr>"#)
            }
            w(#"<tr class="total"><td>合計</td><td class="n">\#(NumberText.grouped(m.savedYen, decimals: 0))</td><td class="n">\#(NumberText.grouped(m.licenceYen, decimals: 0))</td><td class="n">\#(NumberText.grouped(m.netYen, decimals: 0))</td></tr>"#)
            w("</tbody></table><p class=\"note\">削減額 = 削減時間 × 職員の時間単価 \(ReviewFormat.yenAsGiven(m.hourlyStaffCostYen)) 円。\(e(LicenceText.monthsBorne(r) ?? ""))</p></section>")
        }

        writeReview(r.review, to: &out)
        let columns = DepartmentColumns(r)
        w(#"<section><h2>課別の比較</h2><table class="departments"><thead><tr>"# + columns.titles.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead><tbody>")
        for d in r.departments {
            w("<tr>" + columns.values(d).map { v in DepartmentColumns.isNumber(v) ? #"<td class="n">\#(DepartmentColumns.display(v))</td>"# : #"<td class="nw">\#(e(DepartmentColumns.display(v)))</td>"# }.joined() + "</tr>")
        }
        w("</tbody></table>")
        w(SVGBarChart(bars: r.departments.map { .init(label: $0.department, value: $0.hoursSaved, marker: $0.previousYearHours) }, unit: "時間").horizontal())
        w(#"<p class="note">縦線は前年同期。"# + e(DepartmentColumns.previousYearNote(r) ?? "") + "</p>")
        // Runs, sheets and inquiries are different things: counted per system and unit, never summed.
        w("<h3>課別・ツール別の内訳</h3><table><thead><tr><th>担当課</th><th>ツール</th><th>成功</th><th>失敗</th><th>うち未終了</th><th>処理量</th><th>削減時間</th></tr></thead><tbody>")
        for d in r.departments {
            for u in d.bySystem {
                w(#"<tr><td>\#(e(d.department))</td><td>\#(e(ReportLabels.system(u.system)))</td><td class="n">\#(NumberText.count(u.successes))</td><td class="n">\#(NumberText.count(u.failures))</td><td class="n">\#(NumberText.count(u.unfinished))</td><td class="n">\#(NumberText.quantity(u.units)) \#(e(ReportLabels.unit(u.unit)))</td><td class="n">\#(NumberText.grouped(u.hoursSaved))</td></tr>"#)
            }
        }
        w("</tbody></table></section>")

        w("<section><h2>業務別</h2><table><thead><tr><th>業務ID</th><th>業務名</th><th>担当課</th><th>ツール</th><th>成功</th><th>失敗</th><th>うち未終了</th><th>中止</th><th>処理量</th><th>削減時間</th><th>根拠</th></tr></thead><tbody>")
        for t in r.tasks {
            w(#"<tr><td>\#(e(t.task))</td><td>\#(e(t.name))</td><td>\#(e(t.department))</td><td>\#(e(ReportLabels.system(t.system)))</td><td class="n">\#(NumberText.count(t.successes))</td><td class="n">\#(NumberText.count(t.failures))</td><td class="n">\#(NumberText.count(t.unfinished))</td><td class="n">\#(NumberText.count(t.cancelled))</td><td class="n">\#(NumberText.quantity(t.units)) \#(e(ReportLabels.unit(t.unit)))</td><td class="n">\#(NumberText.grouped(t.hoursSaved))</td><td>\#(e(ReportLabels.basis(t.basis)))</td></tr>"#)
        }
        w("</tbody></table></section>")

        w("<section><h2>AIを活用した業務</h2>")
        if r.aiTasks.isEmpty {
            w("<p>この期間に AI ツールの利用はありません。</p>")
        } else {
            w("<table><thead><tr><th>業務ID</th><th>業務名</th><th>AI ツール</th><th>成功した利用</th><th>本番開始日</th><th>計上</th><th>理由</th></tr></thead><tbody>")
            for a in r.aiTasks {
                let tools = a.systems.map(ReportLabels.system).joined(separator: "・")
                w(#"<tr><td>\#(e(a.task))</td><td>\#(e(a.name))</td><td>\#(e(tools))</td><td class="n">\#(NumberText.count(a.uses))</td><td class="nw">\#(a.productionFrom ?? "—")</td><td class="nw \#(a.counted ? "met" : "missed")">\#(a.counted ? "計上" : "対象外")</td><td>\#(e(a.reason))</td></tr>"#)
            }
            w("</tbody></table>")
        }
        w("</section>")

        w("<section><h2>算定方法</h2><ul>")
        w("<li>\(e(r.method.hoursSaved))</li><li>\(e(r.method.dates))</li><li>\(e(r.method.unfinished))</li><li>\(e(r.method.multiSystemTasks))</li><li>\(e(r.method.rounding))</li><li>\(e(r.method.officeHours))</li></ul>")
        w("<h3>集計から除いたもの</h3><ul>")
        w("<li>失敗（RPAの失敗した実行、AI-OCRの失敗、チャットボットの未回答・有人対応など、ツールごとの失敗した利用） \(NumberText.count(r.exclusions.failedRuns)) 回（うち終了が記録されず失敗とみなした実行 \(NumberText.count(r.exclusions.unfinishedRuns)) 回）・中止 \(NumberText.count(r.exclusions.cancelledRuns)) 回（削減時間なし）</li>")
        w("<li>業務カタログ未登録の名前 \(NumberText.count(r.exclusions.unmappedRuns)) 回</li>")
        w("<li>単位がカタログと異なる成功 \(NumberText.count(r.exclusions.unitMismatchRuns)) 回</li>")
        w("<li>開庁時間外のチャットボット回答 \(NumberText.count(r.exclusions.offHoursAnswers)) 件</li>")
        w("<li>他のファイルと同一内容の重複ファイル \(NumberText.count(r.exclusions.duplicateFiles)) 件</li>")
        w("<li>同じ実行の重複行（1回だけ数えた） \(NumberText.count(r.exclusions.repeatedRuns)) 行</li>")
        w("<li>取り込めなかった行（この年度の日付） \(NumberText.count(r.exclusions.rejectedRows)) 行</li>")
        w("<li>取り込めなかった行のうち日付も読めないもの（どの年度にも数えない） \(NumberText.count(r.exclusions.rejectedRowsDateUnknown)) 行</li>")
        let identical = SourceLine.withIdenticalRows(r.sources)
        if !identical.isEmpty {
            w("<li><strong>要確認</strong>: \(e(SourceLine.identicalRowsLabel)) \(NumberText.count(identical.reduce(0) { $0 + $1.rows })) 行</li>")
        }
        w("</ul>")
        if !identical.isEmpty {
            w("<table><thead><tr><th>同じ内容の行を含むファイル</th><th>行数</th></tr></thead><tbody>")
            for f in identical { w(#"<tr><td>\#(e(f.path))</td><td class="n">\#(NumberText.count(f.rows))</td></tr>"#) }
            w("</tbody></table>")
        }
        if !r.unitMismatches.isEmpty {
            w("<table><thead><tr><th>業務ID</th><th>単位がカタログと異なる名前</th><th>ログの単位</th><th>カタログの単位</th><th>回数</th><th>処理量</th></tr></thead><tbody>")
            for m in r.unitMismatches {
                w(#"<tr><td>\#(e(m.task))</td><td>\#(e(m.name))</td><td>\#(e(ReportLabels.unit(m.logUnit)))</td><td>\#(e(ReportLabels.unit(m.catalogUnit)))</td><td class="n">\#(NumberText.count(m.runs))</td><td class="n">\#(NumberText.quantity(m.units))</td></tr>"#)
            }
            w("</tbody></table>")
        }
        if !r.unmapped.isEmpty {
            w("<table><thead><tr><th>未登録の名前</th><th>ツール</th><th>回数</th><th>期間</th><th>理由</th></tr></thead><tbody>")
            for u in r.unmapped {
                w(#"<tr><td>\#(e(u.name))</td><td>\#(e(ReportLabels.system(u.system)))</td><td class="n">\#(NumberText.count(u.runs))</td><td class="nw">\#(u.firstDate) 〜 \#(u.lastDate)</td><td>\#(e(ReportLabels.unmappedReason(u.reason)))</td></tr>"#)
            }
            w("</tbody></table>")
        }
        // The catalog rows and the source files are for auditors: an appendix, printed on pages of its own.
        w(#"</section><section class="appendix"><h2>付録</h2>"#)
        w("<h3>使用した業務カタログの行</h3><p>\(e(r.catalog.path))（SHA-256 <code>\(e(r.catalog.sha256))</code>）</p>")
        w("<table><thead><tr><th>行</th><th>業務ID</th><th>適用開始</th><th>単位</th><th>手作業（分）</th><th>残る確認（分）</th><th>手戻り（分）</th></tr></thead><tbody>")
        for c in r.catalog.rows {
            w(#"<tr><td class="n">\#(c.line)</td><td>\#(e(c.task))</td><td>\#(c.validFrom)</td><td>\#(e(ReportLabels.catalogUnit(c.unit)))</td><td class="n">\#(NumberText.given(c.manualMinutesPerUnit))</td><td class="n">\#(NumberText.given(c.residualMinutesPerUnit))</td><td class="n">\#(NumberText.given(c.reworkMinutesPerFailure))</td></tr>"#)
        }
        w("</tbody></table>")
        HTMLSourcesAppendix.write(r.sources, missing: r.sourcesMissing ?? [], to: &out)
        w("</body></html>")
    }

    static let style = """
        body{font-family:"Noto Sans CJK JP","Hiragino Sans","Yu Gothic",Meiryo,sans-serif;margin:2em auto;max-width:1000px;color:#222;line-height:1.5}\
        h1{font-size:1.6em;border-bottom:3px solid #1f5fa8;padding-bottom:.2em}h2{font-size:1.25em;margin-top:1.8em;color:#1f5fa8}\
        table{border-collapse:collapse;margin:.6em 0;font-size:.92em}th,td{border:1px solid #ccd;padding:.25em .6em}th{background:#eef2f8}\
        td.n{text-align:right;font-variant-numeric:tabular-nums}.met{color:#116611;font-weight:bold}.missed{color:#b00020;font-weight:bold}\
        .meta,.note{color:#555;font-size:.88em}tr.total td{font-weight:bold}svg .bar{fill:#4a86c5}svg .marker{stroke:#b00020;stroke-width:3}\
        svg text{font-size:12px;fill:#222}svg .value{fill:#333;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}code{font-size:.85em}\
        .nw{white-space:nowrap}code.sha{word-break:break-all;font-size:.78em}details.sources>summary{cursor:pointer;font-weight:bold;color:#1f5fa8}\
        table.period{font-size:.76em}table.period th,table.period td{padding:.2em .3em}\
        \(reviewStyle)
        """
}
