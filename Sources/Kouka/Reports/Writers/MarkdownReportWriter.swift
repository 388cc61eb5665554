
/// Writes a report as Markdown for people: targets first, then systems, departments, tasks, what was left
/// out, the sources and the method.
package enum MarkdownReportWriter {
    package static func write(_ report: YearReport, to out: inout some TextOutputStream) {
        func line(_ text: String = "") { out.write(text + "\n") }
        /// Names come from logs anyone could write: no HTML, link, code or table syntax of theirs reaches a
        /// Markdown renderer.
        func cell(_ text: String) -> String {
            var escaped = ""
            for character in text {
                switch character {
                case "&": escaped += "&amp;"
                case "<": escaped += "&lt;"
                case ">": escaped += "&gt;"
                case "|", "[", "]", "`", "\\", "*": escaped += "\\\(character)"
                case "\n", "\r", "\r\n": escaped += " "
                default: escaped.append(character)
                }
            }
            return escaped
        }
        line("# \(report.label)（FY\(report.fiscalYear)）RPA・AI 効果測定報告")
        line()
        line("期間: \(report.from) 〜 \(report.to)（\(report.timezone)）")
        line()
        if let running = report.runsStillRunning {
            line("> \(running.notice)")
            line()
        }
        if let preliminary = report.preliminary {
            line("> \(preliminary.notice)")
            line()
        }
        // Before every figure: the figures were published otherwise before.
        for restatement in report.restatements ?? [] {
            line("## 改訂（\(restatement.replacedGeneratedAt) 作成の報告から）")
            line()
            line(restatement.notice)
            line()
            line("| 数値 | 改訂前 | 改訂後 |")
            line("| --- | ---: | ---: |")
            for change in restatement.listed { line("| \(cell(change.label)) | \(change.text(change.before)) | \(change.text(change.after)) |") }
            line()
        }
        // A month has no targets of its own: its year to date stands against the year's (below).
        if !report.targets.isEmpty {
            line("## 目標と実績")
            line()
            line("| 指標 | 目標 | 実績 | 達成 |")
            line("| --- | ---: | ---: | --- |")
            for t in report.targets {
                line("| \(t.label) | \(NumberText.grouped(t.target, decimals: TargetText.decimals(t))) | \(TargetText.actual(t)) | \(TargetText.met(t)) |")
            }
            if let row = unmeasuredTargetRow(report) { line(row) }
            line()
        }
        MarkdownMonthSections.write(report, to: &out)
        if let p = report.projection {
            line("## 年度末の見込み")
            line()
            var text = "\(p.asOf) までの RPA 削減時間 \(NumberText.grouped(p.rpaHoursToDate)) 時間、3月31日までの見込み \(NumberText.grouped(p.projectedRPAHours)) 時間（\(cell(p.basis))）。"
            if let onTrack = p.onTrack, let target = p.target {
                text += "目標 \(NumberText.grouped(target)) 時間に対し\(onTrack ? "達成の見込み" : "未達成の見込み")。"
            }
            line(text)
            line()
        }
        out.write(periodSections(report))
        line("## システム別削減時間")
        line()
        line("| システム | 削減時間（時間） |")
        line("| --- | ---: |")
        for family in SystemFamily.allCases {
            line("| \(family.japaneseLabel) | \(NumberText.grouped(report.hoursSaved.bySystem[family.rawValue] ?? 0)) |")
        }
        line("| 合計 | \(NumberText.grouped(report.hoursSaved.total)) |")
        line()
        line("合計のうち推計（件数 × 標準時間）\(NumberText.grouped(report.hoursSaved.estimated)) 時間、実測の作業時間にもとづく分 \(NumberText.grouped(report.hoursSaved.measured)) 時間。")
        line()
        if let m = report.money {
            line("## 費用対効果")
            line()
            line("| ツール | 削減額（円） | ライセンス費（円） | 差引（円） |")
            line("| --- | ---: | ---: | ---: |")
            for s in m.bySystem where s.savedYen != 0 || s.licenceYen != 0 {
                line("| \(label(system: s.system)) | \(NumberText.grouped(s.savedYen, decimals: 0)) | \(NumberText.grouped(s.licenceYen, decimals: 0)) | \(NumberText.grouped(s.netYen, decimals: 0)) |")
            }
            line("| 合計 | \(NumberText.grouped(m.savedYen, decimals: 0)) | \(NumberText.grouped(m.licenceYen, decimals: 0)) | \(NumberText.grouped(m.netYen, decimals: 0)) |")
            line()
            line("削減額 = 削減時間 × 職員の時間単価 \(ReviewFormat.yenAsGiven(m.hourlyStaffCostYen)) 円（端数処理前の削減時間から計算し、円未満を四捨五入）。")
            if let months = LicenceText.monthsBorne(report) { line(months) }
            line()
        }
        writeReview(report.review, to: &out)
        line("## 課別削減時間")
        line()
        let columns = DepartmentColumns(report)
        line("| " + columns.titles.joined(separator: " | ") + " |")
        line("|" + columns.isNumeric.map { $0 ? " ---: |" : " --- |" }.joined())
        for d in report.departments {
            line("| " + columns.values(d).map { v in DepartmentColumns.isNumber(v) ? DepartmentColumns.display(v) : cell(DepartmentColumns.display(v)) }.joined(separator: " | ") + " |")
        }
        line()
        if let note = DepartmentColumns.previousYearNote(report) {
            line(note)
            line()
        }
        line("### 課別・ツール別の内訳")
        line()
        line("| 担当課 | ツール | 成功 | 失敗 | うち未終了 | 処理量 | 削減時間（時間） |")
        line("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
        for d in report.departments {
            for u in d.bySystem {
                line("| \(cell(d.department)) | \(label(system: u.system)) | \(NumberText.count(u.successes)) | \(NumberText.count(u.failures)) | \(NumberText.count(u.unfinished)) | \(NumberText.quantity(u.units)) \(label(unit: u.unit)) | \(NumberText.grouped(u.hoursSaved)) |")
            }
        }
        line()
        line("## 月別削減時間")
        line()
        line("| 月 | 削減時間（時間） | " + SystemFamily.allCases.map(\.japaneseLabel).joined(separator: " | ") + " |")
        line("| --- | ---: |" + String(repeating: " ---: |", count: SystemFamily.allCases.count))
        for m in report.months {
            line("| \(m.month) | \(NumberText.grouped(m.hoursSaved)) | " + SystemFamily.allCases.map { NumberText.grouped(m.bySystem[$0.rawValue] ?? 0) }.joined(separator: " | ") + " |")
        }
        line()
        line("## 業務別")
        line()
        line("| 業務ID | 業務名 | 担当課 | システム | 成功 | 失敗 | うち未終了 | 中止 | 処理量 | 削減時間（時間） | 根拠 |")
        line("| --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
        for t in report.tasks {
            line("| \(cell(t.task)) | \(cell(t.name)) | \(cell(t.department)) | \(label(system: t.system)) | \(NumberText.count(t.successes)) | \(NumberText.count(t.failures)) | \(NumberText.count(t.unfinished)) | \(NumberText.count(t.cancelled)) | \(NumberText.quantity(t.units)) \(label(unit: t.unit)) | \(NumberText.grouped(t.hoursSaved)) | \(label(basis: t.basis)) |")
        }
        line()
        line("「推計」は件数と業務カタログの標準時間だけから求めた値、「実測」はログに記録された職員の作業時間を用いた値。")
        line()
        line("## AIを活用した業務")
        line()
        if report.aiTasks.isEmpty {
            line("この期間に AI ツールの利用はありません。")
        } else {
            line("| 業務ID | 業務名 | AI ツール | 成功した利用 | 本番開始日 | 計上 | 理由 |")
            line("| --- | --- | --- | ---: | --- | --- | --- |")
            for a in report.aiTasks {
                line("| \(cell(a.task)) | \(cell(a.name)) | \(a.systems.map { label(system: $0) }.joined(separator: "・")) | \(NumberText.count(a.uses)) | \(a.productionFrom ?? "—") | \(a.counted ? "計上" : "対象外") | \(cell(a.reason)) |")
            }
        }
        line()
        line("## 集計から除いたもの")
        line()
        line("- 失敗（RPAの失敗した実行、AI-OCRの失敗、チャットボットの未回答・有人対応など、ツールごとの失敗した利用）: \(NumberText.count(report.exclusions.failedRuns)) 回（うち終了が記録されず失敗とみなした実行 \(NumberText.count(report.exclusions.unfinishedRuns)) 回）、中止: \(NumberText.count(report.exclusions.cancelledRuns)) 回（削減時間なし）")
        line("- カタログ未登録の名前: \(NumberText.count(report.exclusions.unmappedRuns)) 回")
        line("- 単位がカタログと異なる成功: \(NumberText.count(report.exclusions.unitMismatchRuns)) 回")
        line("- 開庁時間外のチャットボット回答（設定により除外）: \(NumberText.count(report.exclusions.offHoursAnswers)) 件")
        line("- 他のファイルと同一内容のため除いたファイル（重複）: \(NumberText.count(report.exclusions.duplicateFiles)) 件")
        line("- 同じ実行がすでに数えられていたため除いた行（重複行）: \(NumberText.count(report.exclusions.repeatedRuns)) 行")
        line("- 取り込めなかった行（この年度の日付）: \(NumberText.count(report.exclusions.rejectedRows)) 行")
        line("- 取り込めなかった行のうち日付も読めないもの（どの年度にも数えない）: \(NumberText.count(report.exclusions.rejectedRowsDateUnknown)) 行")
        let identical = SourceLine.withIdenticalRows(report.sources)
        if !identical.isEmpty {
            line("- 要確認: \(SourceLine.identicalRowsLabel): \(NumberText.count(identical.reduce(0) { $0 + $1.rows })) 行")
            line()
            line("| 同じ内容の行を含むファイル | 行数 |")
            line("| --- | ---: |")
            for f in identical { line("| \(cell(f.path)) | \(NumberText.count(f.rows)) |") }
        }
        if !report.unitMismatches.isEmpty {
            line()
            line("| 業務ID | 単位がカタログと異なる名前 | ログの単位 | カタログの単位 | 回数 | 処理量 |")
            line("| --- | --- | --- | --- | ---: | ---: |")
            for m in report.unitMismatches {
                line("| \(cell(m.task)) | \(cell(m.name)) | \(label(unit: m.logUnit)) | \(label(unit: m.catalogUnit)) | \(NumberText.count(m.runs)) | \(NumberText.quantity(m.units)) |")
            }
        }
        if !report.unmapped.isEmpty {
            line()
            line("| 未登録の名前 | システム | 回数 | 期間 | 理由 |")
            line("| --- | --- | ---: | --- | --- |")
            for u in report.unmapped {
                line("| \(cell(u.name)) | \(label(system: u.system)) | \(NumberText.count(u.runs)) | \(u.firstDate) 〜 \(u.lastDate) | \(ReportLabels.unmappedReason(u.reason)) |")
            }
        }
        line()
        line("## 根拠となったログ")
        line()
        line("| ファイル | 形式 | 状態 | 行数 | 採用 | 除外（この年度） | 除外（日付不明） | SHA-256 |")
        line("| --- | --- | --- | ---: | ---: | ---: | ---: | --- |")
        for s in report.sources {
            line("| \(cell(s.path)) | \(s.format) | \(s.statusLabel) | \(NumberText.count(s.rows)) | \(NumberText.count(s.accepted)) | \(NumberText.count(s.rejected)) | \(NumberText.count(s.rejectedDateUnknown)) | `\(s.sha256)` |")
        }
        for m in report.sourcesMissing ?? [] { line("| \(cell(m.path)) | — | ファイルなし（作成時） | — | — | — | — | \(cell(m.reason)) |") }
        line()
        line("## 算定方法")
        line()
        line("- \(report.method.hoursSaved)")
        line("- \(report.method.dates)")
        line("- \(report.method.unfinished)")
        line("- \(report.method.multiSystemTasks)")
        line("- \(report.method.rounding)")
        line("- \(report.method.officeHours)")
        line("- 業務カタログ: \(report.catalog.path)（SHA-256 `\(report.catalog.sha256)`）、使用した行: \(report.catalog.rows.map { String($0.line) }.joined(separator: ", "))")
    }

    private static func label(system: String) -> String { ReportLabels.system(system) }
    private static func label(unit: String) -> String { ReportLabels.unit(unit) }
    private static func label(basis: String) -> String { ReportLabels.basis(basis) }
}
