extension XLSXReportWriter {
    /// The sheet ツール評価: per tool its verdict, its tables with the periods side by side (rates as
    /// fractions, 未測定 as text), and the rules.
    static func writeReview(_ review: ToolReview?, to book: Book) {
        guard let review else { return }
        let sheet = book.sheet("ツール評価", header: ["ツール", "表", "指標", "単位"] + review.columns)
        var r: UInt32 = 1
        for section in review.sections {
            sheet.text(r, 0, section.title); sheet.text(r, 1, "判定"); sheet.text(r, 2, ReviewText.verdictLine(section.verdict)); r += 1
            for table in section.tables {
                if table.columns != review.columns {
                    sheet.text(r, 0, section.title); sheet.text(r, 1, table.title); sheet.text(r, 2, "（列）")
                    for (i, column) in table.columns.enumerated() { sheet.text(r, UInt16(4 + i), column) }
                    r += 1
                }
                for row in table.rows {
                    sheet.text(r, 0, section.title); sheet.text(r, 1, table.title); sheet.text(r, 2, row.label); sheet.text(r, 3, row.unit)
                    for (i, value) in row.values.enumerated() {
                        if let value { sheet.number(r, UInt16(4 + i), value, whole: row.decimals == 0 && row.unit != "%", percent: row.unit == "%") } else { sheet.text(r, UInt16(4 + i), ReviewText.notMeasured) }
                    }
                    r += 1
                }
            }
            for rule in section.verdict.rules { sheet.text(r, 0, section.title); sheet.text(r, 1, "判定の規則"); sheet.text(r, 2, rule); r += 1 }
            for rule in section.verdict.notApplied { sheet.text(r, 0, section.title); sheet.text(r, 1, "適用できなかった規則"); sheet.text(r, 2, rule); r += 1 }
        }
        sheet.width(1, 30); sheet.width(2, 40)
    }
}
