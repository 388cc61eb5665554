import Foundation
import Kouka
import Testing

/// Every key `kouka.toml` takes is one the configuration loads (strict decoding refuses an unknown key, so a
/// key renamed in the code fails here) and one that `man 5 kouka.toml` and the configuration docs name: a server's
/// administrator reads the manual page, and a key it leaves out is a setting they cannot know is there.
@Suite struct ConfigurationKeysDocumentedTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardizedFileURL

    /// Each table's keys beside the file that sets them all (sources aside: their keys depend on the format).
    static let tables: [(table: String, keys: [String], toml: String)] = [
        ("", ["timezone", "database", "catalog", "systems"],
         "timezone = \"Asia/Tokyo\"\ndatabase = \"kouka.sqlite\"\ncatalog = \"catalog.csv\"\nsystems = \"systems.csv\"\n"),
        ("output", ["path", "mode"], "[output]\npath = \"reports\"\nmode = \"0640\"\n"),
        ("monitoring", ["textfile"], "[monitoring]\ntextfile = \"kouka.prom\"\n"),
        ("targets.2026", ["rpa_hours", "ai_tasks", "new_systems"], "[targets.2026]\nrpa_hours = 3500\nai_tasks = 6\nnew_systems = 3\n"),
        ("office_hours", ["opens", "closes", "exclude_chatbot_answers"],
         "[office_hours]\nopens = \"08:30\"\ncloses = \"17:15\"\nexclude_chatbot_answers = true\n"),
        ("ai_tasks", ["minimum_uses"], "[ai_tasks]\nminimum_uses = 2\n"),
        ("nightly", ["pending_max_hours"], "[nightly]\npending_max_hours = 24\n"),
        ("money", ["hourly_staff_cost_yen", "licence_yen"], "[money]\nhourly_staff_cost_yen = 3000\n[money.licence_yen]\nrpa = 3600000\n"),
        ("review", ["first_year", "last_year", "ocr_correction_rate_max", "robot_failure_rate_max", "robot_minimum_runs",
                    "chatbot_answer_rate_min", "falling_years"],
         "[review]\nfirst_year = 2021\nlast_year = 2025\nocr_correction_rate_max = 0.1\nrobot_failure_rate_max = 0.05\n"
            + "robot_minimum_runs = 10\nchatbot_answer_rate_min = 0.8\nfalling_years = 2\n"),
    ]

    static let sourceKeys = ["format", "path", "encoding", "required", "columns", "values", "task", "department", "timezone",
                             "delimiter", "fallback_intents", "minimum_confidence", "handoff_names"]

    @Test func aFileSettingEveryKeyLoads() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        try city.write("kouka.toml", Self.tables.map(\.toml).joined(separator: "\n"))
        let configuration = try Configuration.load(path: city.configPath)
        #expect(configuration.targets.targets(for: FiscalYear(2026)) == YearTargets(rpaHours: 3500, aiTasks: 6, newSystems: 3))
        #expect(configuration.review.fallingYears == 2)
    }

    @Test(arguments: ["Packaging/man/kouka.toml.5", "docs/configuration.md"])
    func theManualAndTheDocsNameEveryKey(_ document: String) throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent(document), encoding: .utf8)
        // The review's thresholds are documented with the review they set (docs/figures.md).
        let companion = document.hasSuffix(".md")
            ? try String(contentsOf: Self.root.appendingPathComponent("docs/figures.md"), encoding: .utf8) : ""
        for (table, keys, _) in Self.tables {
            if !table.isEmpty { #expect(text.contains("[\(table.split(separator: ".")[0])"), "\(document) names no [\(table)]") }
            for key in keys {
                #expect(text.contains(key) || companion.contains(key), "\(document) never names \(table.isEmpty ? "" : table + ".")\(key)")
            }
        }
        for key in Self.sourceKeys { #expect(text.contains(key), "\(document) never names a source's \(key)") }
    }
}
