
/// `kouka-audit rejects`: what one fiscal year's figures left out — the quarantined rows dated in the year,
/// the rows whose date could not be read, and the files rejected whole or unreadable (these two have no
/// year, so every year lists them). Exit 0 when there is nothing to list, 1 when there is, as a nightly run
/// that rejected rows does.
package struct RejectsAudit {
    package var configuration: Configuration
    package var fiscalYear: FiscalYear

    package init(configuration: Configuration, fiscalYear: FiscalYear) {
        self.configuration = configuration
        self.fiscalYear = fiscalYear
    }

    /// Reads the quarantine and the ledger as one snapshot of the store; a store that cannot be read whole
    /// stops the run (it is never listed as having nothing).
    package func run() throws -> RejectsSummary {
        let (rejections, ledger) = try ReportContext.reading(configuration: configuration) { context in
            (try context.store.rejections(from: fiscalYear.firstDay, to: fiscalYear.lastDay), context.ledger)
        }
        func row(_ r: Rejection) -> RejectsSummary.Row {
            RejectsSummary.Row(file: r.file, line: r.line, reason: r.reason, day: r.day?.description,
                               fiscalYear: r.day.map { FiscalYear(containing: $0).startYear }, repeatedRun: r.isRepeatedRun)
        }
        let files = ledger.filter { $0.status == .rejected || $0.status == .unreadable }
            .map { RejectsSummary.File(file: $0.path, status: $0.status.rawValue, reason: $0.rejectReason) }
        let rows = rejections.filter { $0.day != nil }.map(row), undated = rejections.filter { $0.day == nil }.map(row)
        let nothing = rows.isEmpty && undated.isEmpty && files.isEmpty
        return RejectsSummary(fiscalYear: fiscalYear.startYear, label: fiscalYear.japaneseLabel, rows: rows, rowsDateUnknown: undated,
                              files: files, exitCode: nothing ? .done : .doneWithFindings)
    }

    /// The summary as a tab-separated table for people: one line per row or file, the same as the JSON.
    package static func table(_ summary: RejectsSummary) -> String {
        func cell(_ text: String) -> String {
            String(text.map { $0 == "\t" || $0.isNewline ? " " : $0 })
        }
        var lines = ["年度\t区分\tファイル\t行\t日付\t理由"]
        for r in summary.rows {
            lines.append("\(summary.label)\t\(r.repeatedRun ? "重複実行" : "除外行")\t\(cell(r.file))\t\(r.line)\t\(r.day ?? "")\t\(cell(r.reason))")
        }
        for r in summary.rowsDateUnknown {
            lines.append("\(summary.label)\t除外行（日付不明）\t\(cell(r.file))\t\(r.line)\t不明\t\(cell(r.reason))")
        }
        for f in summary.files {
            let kind = f.status == "rejected" ? "形式違いのファイル" : "読めないファイル"
            lines.append("\(summary.label)\t\(kind)\t\(cell(f.file))\t—\t不明\t\(cell(f.reason ?? "—"))")
        }
        return lines.joined(separator: "\n")
    }
}
