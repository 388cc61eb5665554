extension CSVReportWriter {
    /// The tool review, one row per tool, table, indicator and period: rates in percent (the unit column says %), a figure not
    /// measured as an empty cell with 未測定 beside it (never 0).
    package static func writeReview(_ report: YearReport, to output: inout some TextOutputStream) {
        output.write(bom)
        output.write(CSVCell.row(["報告", "ツール", "表", "指標", "単位", "期間", "値", "測定", "判定"]))
        guard let review = report.review else { return }
        for section in review.sections {
            for table in section.tables {
                for row in table.rows {
                    for (column, value) in zip(table.columns, row.values) {
                        output.write(CSVCell.row([
                            report.label, section.system, CSVCell.text(table.title), CSVCell.text(row.label), CSVCell.text(row.unit), CSVCell.text(column),
                            value.map { row.unit == "%" ? NumberText.plain($0 * 100, decimals: 4) : NumberText.plain($0, decimals: row.decimals) } ?? "", value == nil ? ReviewText.notMeasured : "",
                            section.verdict.label,
                        ]))
                    }
                }
            }
        }
    }
}
