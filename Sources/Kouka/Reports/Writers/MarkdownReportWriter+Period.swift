/// The sections of issue 16 items 1, 2 and 8 in Markdown, shared by the yearly report and the period report.
extension MarkdownReportWriter {
    /// Text from logs and registers reaches a Markdown renderer without table, link or HTML syntax.
    static func escapeCell(_ text: String) -> String {
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

    static func table(_ header: [String], _ rows: [[String]], numeric: Set<Int> = []) -> String {
        var text = "| " + header.joined(separator: " | ") + " |\n"
        text += "|" + header.indices.map { numeric.contains($0) ? " ---: |" : " --- |" }.joined() + "\n"
        for row in rows { text += "| " + row.map(escapeCell).joined(separator: " | ") + " |\n" }
        return text
    }

    /// The targets-table row of new systems that are not measured (no register): 未計測, never 0.
    static func unmeasuredTargetRow(_ r: YearReport) -> String? {
        PeriodTableText.unmeasuredTarget(r.newSystems).map { "| " + $0.joined(separator: " | ") + " |" }
    }

    /// The yearly report's sections: the year's new systems, the path to the target, the policy period.
    static func periodSections(_ r: YearReport) -> String {
        var text = ""
        if let systems = r.newSystems { text += newSystemsSection([systems]) }
        if let path = r.targetPath { text += pathSection(path) }
        if let table = r.policyPeriod { text += periodSection(table) }
        return text
    }

    static func newSystemsSection(_ years: [NewSystemsLine]) -> String {
        var text = "## \(NewSystemsLine.label)\n\n"
        guard let first = years.first, first.measured else {
            return text + "システム導入数は未計測です（kouka.toml に systems = \"systems.csv\" の登録簿が設定されていません）。0 件ではありません。\n\n"
        }
        text += "登録簿 \(escapeCell(first.register ?? ""))（SHA-256 `\(first.registerSHA256 ?? "")`）。稼働開始日の年度に数え、基準日 \(first.asOf) より後に稼働するものは見込みとして実績に含めない。\n\n"
        let rows = years.flatMap { year in year.systems.map { PeriodTableText.systemRow(year, $0) } }
        return text + (rows.isEmpty ? "この期間に稼働を始めたシステムはありません。\n" : table(PeriodTableText.systemsHeader, rows, numeric: [8])) + "\n"
    }

    static func pathSection(_ path: TargetPath) -> String {
        var text = "## 目標への道筋（見込み）\n\n基準日 \(path.asOf)。以下はすべて見込みで、実績には加えない。\n\n"
        for year in path.years {
            text += "- **\(escapeCell(year.sentence))** ログにもとづく見込み \(NumberText.grouped(year.projectedRPAHours)) 時間（\(escapeCell(year.projectionBasis))）、計画中の業務の見込み \(NumberText.grouped(year.plannedRPAHours)) 時間。\n"
        }
        text += "\n"
        let rows = path.years.flatMap { year in year.plannedTasks.map { PeriodTableText.plannedRow(year, $0) } }
        text += rows.isEmpty ? "計画中の業務（業務カタログの expected_units_per_year）はありません。\n" : table(PeriodTableText.plannedHeader, rows, numeric: [5, 6, 8, 9])
        return text + "\n\(path.method)\n\n"
    }

    static func periodSection(_ t: PolicyPeriodTable) -> String {
        var text = "## 計画期間（\(t.label)）の目標と実績\n\n基準日 \(t.asOf)。見込みの列・行は実績ではない。\n\n"
        text += table(PeriodTableText.header, t.years.map { PeriodTableText.row($0, measured: t.newSystemsMeasured) },
                      numeric: Set(2...14).subtracting([5, 10, 14]))
        return text + "\n\(t.method)\n\n"
    }
}
