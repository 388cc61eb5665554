import Foundation
import Testing

/// Names that come from logs — robot names the catalog does not map, departments a robot's export
/// names, the log file's own name — reach the reports as text and nothing else: escaped in HTML and
/// Markdown, defused in CSV, string cells in the workbook.
@Suite(.serialized) struct InjectionTests {
    /// Text that Excel would run as a formula, or that would be markup in HTML or Markdown. A tab at the
    /// start is trimmed when the log is read, so it reaches the reports as the `=` after it.
    static let hostile = ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\t=tab", "\r@cr",
                          "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "a|b|c"]
    static var departments: [String] { hostile.map { $0.trimmingCharacters(in: .whitespaces) } }
    /// The same, as robot names the catalog does not map (told apart from the departments by their end).
    static var unmapped: [String] { departments.map { $0 + "_ロボ" } }
    /// A legal file name that is a formula, an HTML tag and a Markdown link at once.
    static let fileName = "=cmd|' -C calc'!A0<b>[x](javascript:alert(1)).json"

    let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("kouka-hostile-\(UUID().uuidString)")
    var folder: URL { root.appendingPathComponent("reports/FY2024") }

    init() throws {
        try FileManager.default.createDirectory(at: root.appendingPathComponent("logs"), withIntermediateDirectories: true)
        func field(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        try Data("task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match\nT01,取込,税務課,rpa,runs,30,5,2020-04-01,住民税_*\n".utf8)
            .write(to: root.appendingPathComponent("catalog.csv"))
        // Every hostile string as the department of a mapped run, and as the name of an unmapped one.
        var lines = ["ロボット名,開始日時,担当課"]
        for (day, text) in Self.hostile.enumerated() {
            lines.append("住民税_取込,2024-05-\(String(format: "%02d", day + 1)) 10:00:00,\(field(text))")
            lines.append("\(field(text + "_ロボ")),2024-06-\(String(format: "%02d", day + 1)) 10:00:00,税務課")
        }
        try Data((lines.joined(separator: "\r\n") + "\r\n").utf8).write(to: root.appendingPathComponent("logs/robot.csv"))
        try Data(#"[{"name": "住民税_取込", "startedon": "2024-07-01T00:00:00Z", "runduration": 60, "statuscode": 4}]"#.utf8)
            .write(to: root.appendingPathComponent(Self.fileName))
        try Data("""
            catalog = "catalog.csv"
            output = "reports"
            [[source]]
            format = "rpa-csv"
            path = "logs/robot.csv"
            [source.columns]
            task = "ロボット名"
            start = "開始日時"
            department = "担当課"
            [[source]]
            format = "power-automate-flowsession"
            path = "=cmd*.json"
            """.utf8).write(to: root.appendingPathComponent("kouka.toml"))
        let config = root.appendingPathComponent("kouka.toml").path
        let nightly = try JobProcess.run("kouka-nightly", ["--config", config, "--quiet"])
        #expect(nightly.exitCode == 1, "unmapped names are a finding")
        #expect(try nightly.summary()["rowsAccepted"] as? Int == 2 * Self.hostile.count + 1, "\(nightly.stdout)")
        let report = try JobProcess.run("kouka-report", ["--config", config, "--fiscal-year", "2024", "--quiet", "--csv-shift-jis"])
        #expect(report.exitCode == 0, "\(report.stderr)")
        // They reached the report as themselves: unmapped, as departments, as a source.
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("kouka-FY2024.json"))) as? [String: Any]
        #expect(Set((json?["unmapped"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }) == Set(Self.unmapped))
        #expect(Set((json?["departments"] as? [[String: Any]] ?? []).compactMap { $0["department"] as? String }) == Set(Self.departments + ["税務課"]))
        #expect((json?["sources"] as? [[String: Any]] ?? []).contains { $0["path"] as? String == Self.fileName })
    }

    func text(_ name: String) throws -> String { try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) }

    @Test func theHTMLHoldsNamesFromLogsOnlyEscaped() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let html = try text("kouka-FY2024.html")
        func escaped(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
                .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
        }
        for name in Self.departments + Self.unmapped + [Self.fileName] {
            #expect(html.contains(escaped(name)), "\(name.debugDescription) is shown, escaped")
            if name.contains(where: { "<>\"'&".contains($0) }) { #expect(!html.contains(name), "\(name) appears raw") }
        }
        for markup in ["<script", "<img", "<b>[x]", "onerror=alert(1)>"] { #expect(!html.contains(markup)) }
    }

    @Test func theMarkdownHoldsNoMarkupLinkOrTableBreakFromALog() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let markdown = try text("kouka-FY2024.md")
        for markup in ["<script", "<img", "<b>", "\"><"] { #expect(!markdown.contains(markup)) }
        #expect(markdown.contains("&lt;script&gt;alert(1)&lt;/script&gt;_ロボ"), "an unmapped name")
        #expect(markdown.contains("&lt;b&gt;"), "the file name")
        #expect(markdown.contains("\\[x\\](javascript:alert(1))"))
        // No `](` that is not escaped: no link a renderer would follow.
        let characters = Array(markdown)
        for i in characters.indices.dropFirst() where characters[i] == "]" && i + 1 < characters.count && characters[i + 1] == "(" {
            #expect(characters[i - 1] == "\\", "an unescaped link near \(String(characters[max(0, i - 30)..<i]))")
        }
        // Every row of a table has as many cell borders as its header: a `|` from a log is escaped.
        func borders(_ line: Substring) -> Int {
            var count = 0, previous: Character = " "
            for c in line { if c == "|" && previous != "\\" { count += 1 }; previous = c }
            return count
        }
        var header: Int? = nil
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else { header = nil; continue }
            if let header { #expect(borders(line) == header, "\(line)") } else { header = borders(line) }
        }
        #expect(markdown.contains("a\\|b\\|c"))
    }

    @Test func everyCSVCellThatExcelWouldRunAsAFormulaIsPrefixedWithAQuote() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        for name in ["tasks", "departments"] {
            let utf8 = try text("kouka-FY2024-\(name).csv")
            let sjis = try #require(String(data: Data(contentsOf: folder.appendingPathComponent("kouka-FY2024-\(name)-sjis.csv")), encoding: .shiftJIS))
            for (file, csv) in [(name, utf8), ("\(name)-sjis", sjis)] {
                let cells = ReportFiles.csvCells(csv).flatMap { $0 }
                for cell in cells where Double(cell) == nil {
                    #expect(!"=+-@\t\r".unicodeScalars.contains(cell.unicodeScalars.first ?? " "), "\(file): \(cell.debugDescription)")
                }
                for department in Self.departments where "=+-@\t\r".unicodeScalars.contains(department.unicodeScalars.first!) {
                    #expect(cells.contains("'" + department), "\(file): \(department.debugDescription) defused")
                }
            }
        }
    }

    @Test func theWorkbookHoldsNamesFromLogsAsStringsAndNoFormula() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let path = folder.appendingPathComponent("kouka-FY2024.xlsx").path
        let sheets = try ReportFiles.xlsxParts(path).filter { $0.key.hasPrefix("xl/worksheets/") && $0.key.hasSuffix(".xml") }
        #expect(sheets.count == 13, "with 期間推移 and システム導入 (issue 16) and the tool review ツール評価, whose form and category names are strings too")
        for (name, xml) in sheets {
            let text = String(decoding: xml, as: UTF8.self)
            #expect(!text.contains("<f>") && !text.contains("<f "), "\(name) has a formula")
        }
        // read_xlsx.py gives a string only for a shared or inline string cell; a formula or number is not one.
        // XML readers turn a CR into LF, so line ends are compared loosely.
        func loose(_ value: Any?) -> String? { (value as? String)?.replacingOccurrences(of: "_x000D_", with: "\r").replacingOccurrences(of: "\n", with: "\r") }
        let book = try ReportFiles.xlsxSheets(path)
        let departments = Set((book["課別"] ?? []).dropFirst().compactMap { loose($0.count > 1 ? $0[1] : nil) })
        let taskDepartments = Set((book["業務別"] ?? []).dropFirst().compactMap { loose($0.count > 2 ? $0[2] : nil) })
        for department in Self.departments {
            #expect(departments.contains(department), "課別: \(department.debugDescription) is a string cell")
            #expect(taskDepartments.contains(department), "業務別: \(department.debugDescription) is a string cell")
        }
        #expect((book["ログ"] ?? []).contains { $0.first as? String == Self.fileName }, "ログ: the file name is a string cell")
    }
}
