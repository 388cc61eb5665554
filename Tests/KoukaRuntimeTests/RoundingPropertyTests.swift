import Foundation
import Kouka
import Testing

/// For random small catalogs and logs: every table's lines add up to the total they stand under within the
/// stated tolerance (n lines × 0.005 h), and every format shows the same line figures as the report model.
@Suite struct RoundingPropertyTests {
    /// A small deterministic generator (SplitMix64), so a failing case can be run again.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
        /// Minutes with up to two decimals, as a department types them into the catalog.
        mutating func minutes() -> Double { Double(int(1...9_000)) / 100 }
    }

    static let departments = ["税務課", "市民課", "福祉課"]
    static let families: [(SystemFamily, EffectUnit)] = [(.rpa, .runs), (.rpa, .items), (.aiOCR, .sheets), (.chatbot, .inquiries), (.minutes, .audioMinutes)]

    static func randomReport(seed: UInt64) -> YearReport {
        var g = Generator(state: seed)
        var entries: [CatalogEntry] = []
        for i in 0..<g.int(1...6) {
            let (family, unit) = families[g.int(0...families.count - 1)]
            let manual = g.minutes()
            entries.append(CatalogEntry(taskID: "T\(i)", name: "T\(i)", department: departments[g.int(0...2)], system: family, unit: unit,
                                        manualMinutesPerUnit: manual, residualMinutesPerUnit: manual * Double(g.int(0...90)) / 100,
                                        reworkMinutesPerFailure: Double(g.int(0...30)), validFrom: LocalDate(year: 2020, month: 4, day: 1),
                                        patterns: ["T\(i)"], line: i + 2))
        }
        var rollups: [DailyRollup] = []
        for _ in 0..<g.int(1...30) {
            let entry = entries[g.int(0...entries.count - 1)]
            let outcome: Outcome = [.success, .success, .success, .failure, .unfinished, .cancelled][g.int(0...5)]
            let events = g.int(1...40)
            let quantity = entry.unit == .runs ? Double(events) : Double(g.int(0...4_000)) / 10
            let day = FiscalYear(2024).firstDay.adding(days: g.int(0...364))
            rollups.append(DailyRollup(
                key: RollupKey(date: day, department: g.int(0...3) == 0 ? departments[g.int(0...2)] : "", family: entry.system, taskName: entry.taskID,
                               outcome: outcome, unit: entry.unit),
                totals: RollupTotals(events: events, quantity: quantity, machineSeconds: 0, humanSeconds: 0, humanMeasuredQuantity: 0),
                sourceID: Int64(g.int(1...3))))
        }
        return ReportBuilder.build(ReportInputs(
            period: .fiscalYear(FiscalYear(2024)), rollups: rollups, catalog: TaskCatalog(entries: entries), catalogPath: "catalog.csv",
            catalogSHA256: "", targets: .dxPolicyDefaults, sources: [:], timezone: "Asia/Tokyo"))
    }

    /// 1,234.50: how the reports write hours.
    static func grouped(_ value: Double) -> String {
        let text = String(format: "%.2f", abs(value))
        let whole = text.prefix { $0 != "." }
        var digits = ""
        for (i, c) in whole.enumerated() {
            if i > 0 && (whole.count - i) % 3 == 0 { digits += "," }
            digits.append(c)
        }
        return (value < 0 && text != "0.00" ? "-" : "") + digits + text.drop { $0 != "." }
    }

    static func within(_ lines: [Double], _ total: Double) -> Bool {
        abs(lines.reduce(0, +) - total) <= 0.005 * Double(lines.count) + 1e-9
    }

    @Test(arguments: 0..<200)
    func linesAddUpToTheirTotalsWithinTheStatedTolerance(seed: Int) {
        let r = Self.randomReport(seed: UInt64(seed))
        let total = r.hoursSaved.total
        #expect(Self.within(r.tasks.map(\.hoursSaved), total), "seed \(seed): tasks")
        #expect(Self.within(r.departments.map(\.hoursSaved), total), "seed \(seed): departments")
        #expect(Self.within(r.months.map(\.hoursSaved), total), "seed \(seed): months")
        #expect(Self.within(Array(r.hoursSaved.bySystem.values), total), "seed \(seed): systems")
        #expect(Self.within([r.hoursSaved.estimated, r.hoursSaved.measured], total), "seed \(seed): estimated and measured")
        for d in r.departments { #expect(Self.within(d.bySystem.map(\.hoursSaved), d.hoursSaved), "seed \(seed): \(d.department)") }
        for m in r.months { #expect(Self.within(Array(m.bySystem.values), m.hoursSaved), "seed \(seed): \(m.month)") }
    }

    @Test(arguments: 0..<40)
    func everyFormatShowsTheModelsLineFigures(seed: Int) {
        let r = Self.randomReport(seed: UInt64(seed))
        var csv = "", markdown = "", html = ""
        CSVReportWriter.writeTasks(r, to: &csv)
        MarkdownReportWriter.write(r, to: &markdown)
        HTMLReportWriter.write(r, to: &html)
        // The CSV's hours column, the Markdown and HTML task tables' hours cells: the model's, line by line.
        let csvHours = csv.split(separator: "\r\n").dropFirst().map { Double($0.split(separator: ",", omittingEmptySubsequences: false)[11])! }
        #expect(csvHours == r.tasks.map(\.hoursSaved), "seed \(seed)")
        for t in r.tasks {
            #expect(markdown.contains("| \(Self.grouped(t.hoursSaved)) | \(t.basis == "estimate" ? "推計" : "実測")"), "seed \(seed): \(t.task)")
            #expect(html.contains(#"<td class="n">\#(Self.grouped(t.hoursSaved))</td><td>"#), "seed \(seed): \(t.task)")
        }
        #expect(markdown.contains("| 合計 | \(Self.grouped(r.hoursSaved.total)) |"))
    }
}
