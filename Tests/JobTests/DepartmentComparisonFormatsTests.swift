import Foundation
import Testing

/// Issue 16 item 3, through the built kouka-report: the department comparison — rank, hours, hours by
/// system, the year before, the change, yen saved, tasks — has the same columns and the same values in the
/// HTML, the Markdown, the CSV, the workbook and the JSON.
@Suite(.serialized) struct DepartmentComparisonFormatsTests {
    static let titles = ["順位", "担当課", "削減時間（時間）", "RPA（時間）", "AI-OCR（時間）", "前年同期（時間）", "増減（時間）", "削減額（円）", "業務数"]
    /// By hand (see `PresentationCity`).
    static let expected: [[Cell]] = [
        [.number(1), .text("税務課"), .number(7.17), .number(5.5), .number(1.67), .number(2.75), .number(4.42), .number(21500), .number(2)],
        [.number(2), .text("市民課"), .number(0.9), .number(0.9), .number(0), .number(0), .number(0.9), .number(2700), .number(1)],
    ]

    enum Cell: Equatable, CustomStringConvertible {
        case number(Double)
        case text(String)

        /// A cell as a format prints it: `21,500`, `+4.42` and `4.42` are numbers.
        init(_ printed: String) {
            let plain = printed.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "+", with: "")
            self = Double(plain).map(Cell.number) ?? .text(printed)
        }

        var description: String {
            switch self {
            case let .number(n): "\(n)"
            case let .text(t): t
            }
        }
    }

    @Test func everyFormatCarriesTheSameColumnsAndValues() throws {
        let city = try PresentationCity("departments-formats")
        defer { city.remove() }
        try city.report(["--fiscal-year", "2024"])
        let folder = "reports/FY2024/kouka-FY2024"

        // HTML: the table of class "departments".
        let html = try city.text("\(folder).html")
        let table = try #require(matches(#"(<table class="departments">.*?</table>)"#, in: html).first)
        let htmlTitles = matches(#"<th>(.*?)</th>"#, in: table)
        let htmlRows = matches(#"<tr>(<td.*?)</tr>"#, in: table).map { row in matches(#"<td[^>]*>(.*?)</td>"#, in: row).map(Cell.init) }
        #expect(htmlTitles == Self.titles)
        #expect(htmlRows == Self.expected)

        // Markdown: the table under 課別削減時間.
        let markdown = try city.text("\(folder).md").components(separatedBy: "\n")
        let header = try #require(markdown.firstIndex { $0.hasPrefix("| 順位 | 担当課 |") })
        func cells(_ line: String) -> [String] { line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
        #expect(cells(markdown[header]) == Self.titles)
        #expect(markdown[(header + 2)...].prefix { $0.hasPrefix("|") }.map { cells($0).map(Cell.init) } == Self.expected)

        // CSV: one row per department, system and unit; the comparison columns repeat on each.
        let csv = try city.text("\(folder)-departments.csv").replacingOccurrences(of: "\u{FEFF}", with: "").components(separatedBy: "\r\n")
            .filter { !$0.isEmpty }.map { $0.components(separatedBy: ",") }
        #expect(Array(csv[0].dropFirst().prefix(Self.titles.count)) == Self.titles)
        var csvRows: [[Cell]] = []
        for row in csv.dropFirst() {
            let comparison = Array(row.dropFirst().prefix(Self.titles.count)).map(Cell.init)
            if csvRows.last != comparison { csvRows.append(comparison) }
        }
        #expect(csvRows == Self.expected)
        #expect(csv.dropFirst().map { $0[Self.titles.count + 1] } == ["rpa", "ai-ocr", "rpa"], "a row per system: counts of different units are never one cell")

        // Workbook: the 課別 sheet, read back by a reader Kouka did not write.
        let book = try city.workbook("\(folder).xlsx")
        let sheet = try #require(book["課別"]?["cells"] as? [[Any?]])
        #expect(sheet[0].compactMap { $0 as? String } == Self.titles)
        let bookRows = sheet.dropFirst().map { row in row.map { value -> Cell in
            if let n = value as? Double { return .number(n) }
            return .text(value as? String ?? "")
        } }
        #expect(bookRows == Self.expected)

        // JSON: the figures the formats print.
        let departments = try #require(try city.json("\(folder).json")["departments"] as? [[String: Any]])
        #expect(departments.map { $0["savedYen"] as? Double } == [21500, 2700])
        #expect(departments.map { ($0["hoursBySystem"] as? [String: Double])?["ai-ocr"] } == [1.67, 0])
    }

    private func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            String(text[Range(match.range(at: 1), in: text)!])
        }
    }
}
