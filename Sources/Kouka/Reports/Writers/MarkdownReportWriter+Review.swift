extension MarkdownReportWriter {
    /// The tool review (ツール評価) as Markdown tables, each tool's verdict and rules below its name.
    static func writeReview(_ review: ToolReview?, to out: inout some TextOutputStream) {
        guard let review else { return }
        func line(_ text: String = "") { out.write(text + "\n") }
        line("## ツール評価")
        line()
        line("判定は [review] の規則と閾値をそのまま当てはめたもの（判定の対象: \(cell(review.judged))）。「未測定」はログに分母がないことを示し、0% ではない。")
        line()
        for section in review.sections {
            line("### \(cell(section.title))")
            line()
            line("**\(cell(ReviewText.verdictLine(section.verdict)))**")
            line()
            line("判定の規則:")
            line()
            for rule in section.verdict.rules { line("- \(cell(rule))") }
            for rule in section.verdict.notApplied { line("- 適用できなかった規則: \(cell(rule))") }
            line()
            for table in section.tables {
                line("#### \(cell(table.title))")
                line()
                line("| 指標 | " + table.columns.map(cell).joined(separator: " | ") + " |")
                line("| --- | " + table.columns.map { _ in "---:" }.joined(separator: " | ") + " |")
                for row in table.rows {
                    line("| \(cell(ReviewText.label(row))) | " + row.values.map { ReviewText.value($0, row: row) }.joined(separator: " | ") + " |")
                }
                line()
                if let note = table.note { line(cell(note)); line() }
            }
        }
    }

    /// A name from a log, with no Markdown or HTML syntax of its own (as the report's other cells).
    private static func cell(_ text: String) -> String {
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
}
