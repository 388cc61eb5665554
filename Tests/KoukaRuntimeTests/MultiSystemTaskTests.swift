import Foundation
@testable import Kouka
import Testing

/// A task that two systems support (A06: a chatbot and AI translation) has a line per system, each in its
/// own unit; only hours are added up across them, in every format.
@Suite struct MultiSystemTaskTests {
    static let validFrom = LocalDate(year: 2023, month: 4, day: 1)
    static let translation = CatalogEntry(taskID: "A06", name: "多言語情報提供", department: "国際交流課", system: .translation, unit: .characters,
                                          manualMinutesPerUnit: 60, residualMinutesPerUnit: 10, validFrom: validFrom, patterns: ["DeepL"], line: 2)
    static let chatbot = CatalogEntry(taskID: "A06", name: "多言語情報提供", department: "国際交流課", system: .chatbot, unit: .inquiries,
                                      manualMinutesPerUnit: 5, residualMinutesPerUnit: 0, validFrom: validFrom, patterns: ["多言語FAQ"], line: 3)

    static func rollup(_ family: SystemFamily, _ name: String, _ outcome: Outcome, _ unit: EffectUnit, events: Int, quantity: Double) -> DailyRollup {
        DailyRollup(key: RollupKey(date: LocalDate(year: 2024, month: 5, day: 10), department: "", family: family, taskName: name, outcome: outcome, unit: unit),
                    totals: RollupTotals(events: events, quantity: quantity, machineSeconds: 0, humanSeconds: 0, humanMeasuredQuantity: 0),
                    sourceID: 1)
    }

    static let report = ReportBuilder.build(ReportInputs(
        period: .fiscalYear(FiscalYear(2024)),
        rollups: [
            rollup(.translation, "DeepL", .success, .characters, events: 3, quantity: 6_000),
            rollup(.chatbot, "多言語FAQ", .success, .inquiries, events: 200, quantity: 200),
            rollup(.chatbot, "多言語FAQ", .failure, .inquiries, events: 5, quantity: 5),
        ],
        catalog: TaskCatalog(entries: [translation, chatbot]), catalogPath: "catalog.csv", catalogSHA256: "", targets: .dxPolicyDefaults,
        sources: [1: SourceLine(path: "logs/a.csv", sha256: "", format: "f", rows: 208, accepted: 208, rejected: 0, status: "present")],
        timezone: "Asia/Tokyo"))

    @Test func eachSystemOfATaskHasItsOwnLineInItsOwnUnit() throws {
        // Translation: 6,000 characters = 6 × 1,000 × (60 − 10) min = 300 min = 5.00 h.
        // Chatbot: 200 inquiries × (5 − 0) min = 1,000 min = 16.67 h; 5 failed inquiries, no rework minutes.
        let lines = Self.report.tasks.filter { $0.task == "A06" }
        #expect(lines.count == 2)
        let chat = try #require(lines.first { $0.system == "chatbot" })
        let translated = try #require(lines.first { $0.system == "translation" })
        #expect((chat.unit, chat.successes, chat.failures, chat.units, chat.hoursSaved) == ("inquiries", 200, 5, 200, 16.67))
        #expect((translated.unit, translated.successes, translated.failures, translated.units, translated.hoursSaved) == ("characters", 3, 0, 6_000, 5.00))
        // The department: 1,300 min = 21.67 h in all; counts by system, never 203 "successes".
        let department = try #require(Self.report.departments.first)
        #expect(department.hoursSaved == 21.67)
        #expect(department.bySystem.map(\.system) == ["chatbot", "translation"])
        #expect(department.bySystem.map(\.successes) == [200, 3])
        #expect(department.bySystem.map(\.failures) == [5, 0])
        #expect(department.bySystem.map(\.unit) == ["inquiries", "characters"])
    }

    @Test func everyFormatShowsTheTwoLinesApart() throws {
        var markdown = "", html = "", tasks = "", departments = ""
        MarkdownReportWriter.write(Self.report, to: &markdown)
        HTMLReportWriter.write(Self.report, to: &html)
        CSVReportWriter.writeTasks(Self.report, to: &tasks)
        CSVReportWriter.writeDepartments(Self.report, to: &departments)
        #expect(markdown.contains("| A06 | 多言語情報提供 | 国際交流課 | チャットボット | 200 | 5 | 0 | 0 | 200 問い合わせ | 16.67 |"))
        #expect(markdown.contains("| A06 | 多言語情報提供 | 国際交流課 | AI自動翻訳 | 3 | 0 | 0 | 0 | 6,000 文字 | 5.00 |"))
        #expect(markdown.contains("| 国際交流課 | チャットボット | 200 | 5 | 0 | 200 問い合わせ | 16.67 |"))
        #expect(markdown.contains("| 国際交流課 | AI自動翻訳 | 3 | 0 | 0 | 6,000 文字 | 5.00 |"))
        #expect(html.contains("<td>チャットボット</td><td class=\"n\">200</td><td class=\"n\">5</td>"))
        #expect(html.contains("<td>AI自動翻訳</td><td class=\"n\">3</td><td class=\"n\">0</td>"))
        // The appendix's catalog rows say what their minutes are per: a translation row's are per 1,000 characters.
        #expect(html.contains("<td>1,000文字</td>"))
        #expect(html.contains("<td>問い合わせ</td>"))
        #expect(ReportLabels.catalogUnit("characters") == "1,000文字" && ReportLabels.catalogUnit("sheets") == "枚")
        #expect(tasks.contains("A06,多言語情報提供,chatbot,国際交流課,inquiries,200,5,0,0,200.00,16.67"))
        #expect(tasks.contains("A06,多言語情報提供,translation,国際交流課,characters,3,0,0,0,6000.00,5.00"))
        // The department's comparison columns (hours, by system: チャットボット, AI自動翻訳; no year before; 1 task),
        // then a row per system and unit.
        #expect(departments.contains("国際交流課,21.67,16.67,5.00,,,1,chatbot,inquiries,200,5,0,200.00,16.67"))
        #expect(departments.contains("国際交流課,21.67,16.67,5.00,,,1,translation,characters,3,0,0,6000.00,5.00"))
        let json = try JSONEncoder().encode(Self.report)
        let decoded = try JSONDecoder().decode(YearReport.self, from: json)
        #expect(decoded.tasks.filter { $0.task == "A06" }.map(\.unit).sorted() == ["characters", "inquiries"])
    }
}
