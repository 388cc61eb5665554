/// The sections of issue 16 items 1, 2 and 8 in HTML: the new systems, the path to the target and the policy
/// period, shared by the yearly report and the period report.
extension HTMLReportWriter {
    /// The targets-table row of new systems that are not measured (no register): 未計測, never 0.
    static func unmeasuredTargetRow(_ r: YearReport) -> String {
        guard let cells = PeriodTableText.unmeasuredTarget(r.newSystems) else { return "" }
        return #"<tr><td>\#(HTMLText.escape(cells[0]))</td><td class="n">\#(cells[1])</td><td class="n">\#(cells[2])</td><td class="missed">\#(cells[3])</td></tr>"#
    }

    /// The yearly report's sections: the year's new systems, the path to the target, the policy period.
    static func periodSections(_ r: YearReport) -> String {
        var html = ""
        if let systems = r.newSystems { html += newSystemsSection([systems]) }
        if let path = r.targetPath { html += pathSection(path) }
        if let table = r.policyPeriod { html += periodSection(table) }
        return html
    }

    /// A table; `numeric` columns align right, `nowrap` ones (years, dates) never break.
    static func table(_ header: [String], _ rows: [[String]], numeric: Set<Int> = [], nowrap: Set<Int> = [0], cssClass: String? = nil) -> String {
        let e = HTMLText.escape
        var html = (cssClass.map { #"<table class="\#($0)">"# } ?? "<table>") + "<thead><tr>" + header.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead><tbody>"
        for row in rows {
            html += "<tr>" + row.enumerated().map { i, cell in
                let style = nowrap.contains(i) ? #" style="white-space:nowrap""# : ""
                return numeric.contains(i) ? #"<td class="n"\#(style)>\#(e(cell))</td>"# : "<td\(style)>\(e(cell))</td>"
            }.joined() + "</tr>"
        }
        return html + "</tbody></table>\n"
    }

    static func newSystemsSection(_ years: [NewSystemsLine]) -> String {
        var html = "<section><h2>\(NewSystemsLine.label)</h2>"
        guard let first = years.first, first.measured else {
            return html + "<p>システム導入数は未計測です（kouka.toml に systems = \"systems.csv\" の登録簿が設定されていません）。0 件ではありません。</p></section>\n"
        }
        html += "<p>登録簿 \(HTMLText.escape(first.register ?? ""))（SHA-256 <code>\(HTMLText.escape(first.registerSHA256 ?? ""))</code>）。稼働開始日の年度に数え、基準日 \(first.asOf) より後に稼働するものは見込みとして実績に含めない。</p>"
        let rows = years.flatMap { year in year.systems.map { PeriodTableText.systemRow(year, $0) } }
        return html + (rows.isEmpty ? "<p>この期間に稼働を始めたシステムはありません。</p>" : table(PeriodTableText.systemsHeader, rows, numeric: [8], nowrap: [0, 4, 6])) + "</section>\n"
    }

    static func pathSection(_ path: TargetPath) -> String {
        let e = HTMLText.escape
        var html = "<section><h2>目標への道筋（見込み）</h2><p class=\"note\">基準日 \(path.asOf)。以下はすべて見込みで、実績には加えない。</p><ul>"
        for year in path.years {
            html += "<li><b>\(e(year.sentence))</b><br>ログにもとづく見込み \(NumberText.grouped(year.projectedRPAHours)) 時間（\(e(year.projectionBasis))）、計画中の業務の見込み \(NumberText.grouped(year.plannedRPAHours)) 時間。</li>"
        }
        html += "</ul>"
        let rows = path.years.flatMap { year in year.plannedTasks.map { PeriodTableText.plannedRow(year, $0) } }
        html += rows.isEmpty ? "<p>計画中の業務（業務カタログの expected_units_per_year）はありません。</p>" : table(PeriodTableText.plannedHeader, rows, numeric: [5, 6, 8, 9], nowrap: [0, 5, 7, 8])
        return html + "<p class=\"note\">\(e(path.method))</p></section>\n"
    }

    static func periodSection(_ t: PolicyPeriodTable) -> String {
        var html = "<section><h2>計画期間（\(HTMLText.escape(t.label))）の目標と実績</h2><p class=\"note\">基準日 \(t.asOf)。見込みの列・行は実績ではない。</p>"
        html += table(PeriodTableText.header, t.years.map { PeriodTableText.row($0, measured: t.newSystemsMeasured) }, numeric: Set(2...14).subtracting([5, 10, 14]),
                      nowrap: [0, 1, 5, 10, 14], cssClass: "period")
        // Actual hours where the year is over, 見込み where it is not, each against its target.
        let bars = t.years.compactMap { y -> SVGBarChart.Bar? in
            let projected = y.status != "actual"
            guard let value = projected ? y.projectedRPAHours ?? y.rpaHours : y.rpaHours else { return nil }
            return SVGBarChart.Bar(label: y.label + (projected ? "（見込み）" : ""), value: value, marker: y.rpaTarget)
        }
        html += "<h3>RPA による削減時間（年度別）</h3>" + SVGBarChart(bars: bars, unit: "時間").horizontal()
        let cumulative = t.years.compactMap { y -> SVGBarChart.Bar? in
            if y.status == "actual", let value = y.cumulativeRPAHours { return .init(label: y.label, value: value) }
            return y.projectedCumulativeRPAHours.map { .init(label: y.label + "（見込み）", value: $0) }
        }
        html += "<h3>RPA による削減時間（累計）</h3>" + SVGBarChart(bars: cumulative, unit: "時間").horizontal()
        return html + "<p class=\"note\">縦線は各年度の目標。\(HTMLText.escape(t.method))</p></section>\n"
    }
}
