import Foundation

/// A written fiscal-year report against the store's figures. A report that does not parse is a difference,
/// never a skip; one that lists other source files than the store counts now is older than the store (re-run
/// `kouka-report`); one with the same sources and other figures was changed after it was written.
enum WrittenReportCheck {
    static func compare(year: FiscalYear, outputPath: String, store: YearReport, ledgerPaths: Set<String>, into summary: inout VerifySummary) throws {
        let path = (outputPath as NSString).appendingPathComponent("FY\(year.startYear)/kouka-FY\(year.startYear).json")
        guard let data = FileManager.default.contents(atPath: path) else { return }
        summary.reportsChecked.append(path)
        let written: Any
        do { written = try JSONSerialization.jsonObject(with: data) } catch {
            summary.differences.append(.init(kind: "written-report-unreadable", subject: path, found: "not JSON", foundIn: "report",
                                             expected: "the FY\(year.startYear) report", expectedFrom: "store",
                                             detail: "the report file is not a report: it was replaced or damaged; re-run kouka-report"))
            return
        }
        // A file the signed report counted must still be in the ledger: a line removed takes its runs out of
        // every later report, and re-running the report would only hide it.
        for path in Set(sources(of: written).map { String($0.prefix { $0 != "|" }) }).subtracting(ledgerPaths).sorted() {
            summary.differences.append(.init(kind: "ledger", subject: path, field: "line", found: "none", expected: "a ledger line", expectedFrom: "report",
                                             detail: "the written FY\(year.startYear) report counts this file but the store's ledger has no line for it: the line was removed behind Kouka's back, or the store was replaced"))
        }
        if sources(of: written) != Set(store.sources.map { "\($0.path)|\($0.sha256)" }) {
            summary.differences.append(.init(kind: "written-report-outdated", subject: path, field: "sources", foundIn: "report", expectedFrom: "store",
                                             detail: "the report was written from other source files than the store counts now: re-run kouka-report for FY\(year.startYear)"))
            return
        }
        for d in try ReportComparison.differences(found: written, expected: store) {
            summary.differences.append(.init(kind: "written-report", subject: path, field: d.field, found: d.found, foundIn: "report", expected: d.expected,
                                             expectedFrom: "store", detail: "the written report's figure is not the store's: the file was changed after it was written"))
        }
    }

    /// The files a report lists, by path and SHA-256 (a file deleted since is still the same file).
    private static func sources(of report: Any) -> Set<String> {
        let lines = (report as? [String: Any])?["sources"] as? [[String: Any]] ?? []
        return Set(lines.map { "\($0["path"] ?? "")|\($0["sha256"] ?? "")" })
    }
}
