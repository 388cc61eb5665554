
extension XLSXReportWriter {
    /// The sheets that give the workbook every figure the JSON has: AI-supported tasks, names no catalog row
    /// maps, successes in another unit than their row's, and the catalog rows used.
    static func writeAppendix(_ report: YearReport, to book: Book) {
        let ai = book.sheet("AI活用業務", header: ["業務ID", "業務名", "AI ツール", "成功した利用", "本番開始日", "計上", "理由"])
        for (i, a) in report.aiTasks.enumerated() {
            let r = UInt32(i + 1)
            ai.text(r, 0, a.task); ai.text(r, 1, a.name); ai.text(r, 2, a.systems.map(ReportLabels.system).joined(separator: "・"))
            ai.number(r, 3, Double(a.uses), whole: true); ai.text(r, 4, a.productionFrom ?? ""); ai.text(r, 5, a.counted ? "計上" : "対象外")
            ai.text(r, 6, a.reason)
        }
        ai.width(1, 30); ai.width(6, 60)

        let unmapped = book.sheet("未登録の名前", header: ["名前", "ツール", "回数", "処理量", "最初の日", "最後の日", "理由"])
        for (i, u) in report.unmapped.enumerated() {
            let r = UInt32(i + 1)
            unmapped.text(r, 0, u.name); unmapped.text(r, 1, ReportLabels.system(u.system)); unmapped.number(r, 2, Double(u.runs), whole: true)
            unmapped.number(r, 3, u.units, whole: u.units == u.units.rounded()); unmapped.text(r, 4, u.firstDate); unmapped.text(r, 5, u.lastDate); unmapped.text(r, 6, ReportLabels.unmappedReason(u.reason))
        }
        unmapped.width(0, 30)

        let mismatches = book.sheet("単位不一致", header: ["業務ID", "ログの名前", "ログの単位", "カタログの単位", "回数", "処理量"])
        for (i, m) in report.unitMismatches.enumerated() {
            let r = UInt32(i + 1)
            mismatches.text(r, 0, m.task); mismatches.text(r, 1, m.name); mismatches.text(r, 2, ReportLabels.unit(m.logUnit)); mismatches.text(r, 3, ReportLabels.unit(m.catalogUnit))
            mismatches.number(r, 4, Double(m.runs), whole: true); mismatches.number(r, 5, m.units, whole: ReportLabels.showsWhole(m.units, unit: m.logUnit))
        }

        let catalog = book.sheet("業務カタログ", header: ["行", "業務ID", "適用開始", "単位", "手作業（分）", "残る確認（分）", "手戻り（分）", "ファイル", "SHA-256"])
        for (i, c) in report.catalog.rows.enumerated() {
            let r = UInt32(i + 1)
            catalog.number(r, 0, Double(c.line), whole: true); catalog.text(r, 1, c.task); catalog.text(r, 2, c.validFrom); catalog.text(r, 3, ReportLabels.catalogUnit(c.unit))
            catalog.number(r, 4, c.manualMinutesPerUnit); catalog.number(r, 5, c.residualMinutesPerUnit); catalog.number(r, 6, c.reworkMinutesPerFailure)
            catalog.text(r, 7, report.catalog.path); catalog.text(r, 8, report.catalog.sha256)
        }
    }
}
