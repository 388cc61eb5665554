import CXLSX
import Foundation

/// Writes the policy period report (`PeriodReport`) as JSON, HTML, Markdown and Excel, from the same section
/// writers the yearly reports use.
package enum PeriodReportWriter {
    /// JSON with sorted keys: the same report is always the same bytes.
    package static func json(_ report: PeriodReport, to output: inout some TextOutputStream) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        output.write(String(decoding: try encoder.encode(report), as: UTF8.self))
        output.write("\n")
    }

    /// One self-contained HTML page: inline CSS and SVG, no script.
    package static func html(_ report: PeriodReport, to out: inout some TextOutputStream) {
        let e = HTMLText.escape
        out.write("<!DOCTYPE html>\n")
        out.write(#"<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">"#)
        out.write("<title>\(e(report.label))</title><style>\(HTMLReportWriter.style)</style></head><body>\n")
        out.write("<header><h1>\(e(report.label))</h1>")
        out.write(#"<p class="meta">基準日 \#(report.table.asOf)（\#(e(report.timezone))）・作成 \#(e(report.generatedAt))・Kouka \#(e(report.koukaVersion))・業務カタログ \#(e(report.catalogPath))</p></header>"#)
        out.write("\n")
        out.write(HTMLReportWriter.periodSection(report.table))
        if let path = report.targetPath { out.write(HTMLReportWriter.pathSection(path)) }
        out.write(HTMLReportWriter.newSystemsSection(report.newSystems))
        out.write("</body></html>\n")
    }

    package static func markdown(_ report: PeriodReport, to out: inout some TextOutputStream) {
        out.write("# \(report.label)\n\n基準日 \(report.table.asOf)（\(report.timezone)）・作成 \(report.generatedAt)・業務カタログ \(MarkdownReportWriter.escapeCell(report.catalogPath))\n\n")
        out.write(MarkdownReportWriter.periodSection(report.table))
        if let path = report.targetPath { out.write(MarkdownReportWriter.pathSection(path)) }
        out.write(MarkdownReportWriter.newSystemsSection(report.newSystems))
    }

    /// The workbook: 期間推移, 見込み and システム導入 sheets.
    package static func xlsx(_ report: PeriodReport, to path: String, created: Date) throws(XLSXError) {
        guard let workbook = workbook_new(path) else { throw XLSXError(path: path, reason: "cannot create the file") }
        var properties = lxw_doc_properties()
        properties.created = time_t(created.timeIntervalSince1970)
        let title = strdup(report.label)
        defer { free(title) }
        properties.title = title
        workbook_set_properties(workbook, &properties)
        let book = XLSXReportWriter.Book(workbook: workbook)
        XLSXReportWriter.periodSheet(report.table, book)
        if let targetPath = report.targetPath { XLSXReportWriter.plannedSheet(targetPath, book) }
        XLSXReportWriter.systemsSheet(report.newSystems, book)
        let result = workbook_close(workbook)
        guard result == LXW_NO_ERROR else { throw XLSXError(path: path, reason: String(cString: lxw_strerror(result))) }
    }
}
