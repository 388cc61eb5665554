import Foundation
import Kouka
import Testing

/// Numbers that would make a figure meaningless (valid TOML all: `nan`, `inf`, a negative target) and
/// values of the wrong type are configuration errors, each naming its key with its table.
@Suite struct ConfigurationValueTests {
    /// The error `toml` (after the catalog line) gives, nil when it loads.
    func error(_ toml: String) throws -> ConfigurationError? {
        let city = try TemporaryCity()
        defer { city.remove() }
        try city.write("kouka.toml", "catalog = \"catalog.csv\"\n" + toml + "\n")
        do {
            _ = try Configuration.load(path: city.configPath)
            return nil
        } catch {
            return error
        }
    }

    static let meaninglessNumbers: [(toml: String, message: String)] = [
        ("[targets.2025]\nrpa_hours = nan", "targets.2025.rpa_hours is nan; it must be a finite number 0 or more"),
        ("[targets.2025]\nrpa_hours = inf", "targets.2025.rpa_hours is inf; it must be a finite number 0 or more"),
        ("[targets.2025]\nrpa_hours = -3000", "targets.2025.rpa_hours is -3000; it must be a finite number 0 or more"),
        // helper-105: a target between two figures the report can state.
        ("[targets.2025]\nrpa_hours = 1.995", "targets.2025.rpa_hours = 1.995 has more than two decimals, and the report states hours to 0.01 h: a figure shown equal to the target could be judged short of it. Write the target to 0.01 h (for example 2.00)"),
        ("[targets.2026]\nrpa_hours = 3500\nai_tasks = -1", "targets.2026.ai_tasks is -1; it must be a whole number 0 or more"),
        ("[targets.2026]\nnew_systems = -2", "targets.2026.new_systems is -2; it must be a whole number 0 or more"),
        ("[money]\nhourly_staff_cost_yen = inf", "money.hourly_staff_cost_yen is inf; it must be a finite number more than 0"),
        ("[money]\nhourly_staff_cost_yen = nan", "money.hourly_staff_cost_yen is nan; it must be a finite number more than 0"),
        ("[money]\nhourly_staff_cost_yen = -2800", "money.hourly_staff_cost_yen is -2800; it must be a finite number more than 0"),
        ("[money]\nhourly_staff_cost_yen = 2800\n[money.licence_yen]\nrpa = inf", "money.licence_yen.rpa is inf; it must be a finite number 0 or more"),
        ("[money]\nhourly_staff_cost_yen = 2800\n[money.licence_yen]\nai-ocr = -1.5", "money.licence_yen.ai-ocr is -1.5; it must be a finite number 0 or more"),
        ("[nightly]\npending_max_hours = inf", "nightly.pending_max_hours is inf; it must be a finite number more than 0"),
        ("[nightly]\npending_max_hours = nan", "nightly.pending_max_hours is nan; it must be a finite number more than 0"),
        ("[[source]]\nformat = \"rasa-tracker\"\npath = \"logs/*.json\"\nminimum_confidence = nan",
         "source #1 (logs/*.json): minimum_confidence is nan; it must be a finite number from 0 to 1"),
        ("[[source]]\nformat = \"rasa-tracker\"\npath = \"logs/*.json\"\nminimum_confidence = 1.5",
         "source #1 (logs/*.json): minimum_confidence is 1.5; it must be a finite number from 0 to 1"),
    ]

    @Test(arguments: meaninglessNumbers) func aNumberThatWouldMakeAFigureMeaninglessIsRefusedByItsKey(toml: String, message: String) throws {
        let error = try #require(try error(toml), "\(toml) was accepted")
        #expect(error.message == message)
    }

    @Test func targetsAndCostsOfZeroAreAccepted() throws {
        #expect(try error("[targets.2026]\nrpa_hours = 0\nai_tasks = 0\nnew_systems = 0") == nil)
        #expect(try error("[targets.2026]\nrpa_hours = 1.5") == nil)
        #expect(try error("[money]\nhourly_staff_cost_yen = 2800\n[money.licence_yen]\nrpa = 0") == nil)
    }

    static let wrongTypes: [(toml: String, message: String)] = [
        ("timezone = 9", "key timezone must be a string in quotes, not the integer 9"),
        ("output = true", "key output must be a string in quotes, not true"),
        ("[targets.2025]\nrpa_hours = \"3000\"", "key targets.2025.rpa_hours must be a number, not the string \"3000\""),
        ("[targets.2025]\nai_tasks = 2.5", "key targets.2025.ai_tasks must be a whole number, not the number 2.5"),
        ("[office_hours]\nexclude_chatbot_answers = \"yes\"", "key office_hours.exclude_chatbot_answers must be true or false, not the string \"yes\""),
        ("[ai_tasks]\nminimum_uses = \"1\"", "key ai_tasks.minimum_uses must be a whole number, not the string \"1\""),
        ("money = 5", "key money must be a table, not the integer 5"),
        ("[[source]]\nformat = \"winactor-task-csv\"\npath = \"a\"\n[[source]]\nformat = \"winactor-task-csv\"\npath = \"b\"\nencoding = 932",
         "key source #2.encoding must be a string in quotes, not the integer 932"),
        ("[[source]]\nformat = \"rasa-tracker\"\npath = \"a\"\nfallback_intents = [\"nlu_fallback\", 3]",
         "key source #1.fallback_intents #2 must be a string in quotes, not the integer 3"),
        ("[[source]]\nformat = \"rasa-tracker\"\npath = \"a\"\nfallback_intents = \"nlu_fallback\"",
         "key source #1.fallback_intents must be an array, not the string \"nlu_fallback\""),
    ]

    @Test(arguments: wrongTypes) func aValueOfTheWrongTypeNamesItsKeyAndTheTypeItTakes(toml: String, message: String) throws {
        let error = try #require(try error(toml), "\(toml) was accepted")
        #expect(error.message == message)
    }

    @Test func aMissingKeyIsStillCalledMissing() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        try city.write("kouka.toml", "output = \"reports\"\n[money]\nlicence_yen = {}\n")
        #expect(throws: ConfigurationError(path: city.configPath, message: "missing key catalog; add it (see docs/configuration.md or man 5 kouka.toml)")) {
            try Configuration.load(path: city.configPath)
        }
        try city.write("kouka.toml", "catalog = \"catalog.csv\"\n[money]\n[money.licence_yen]\nrpa = 1\n")
        #expect(throws: ConfigurationError(path: city.configPath, message: "missing key money.hourly_staff_cost_yen; add it (see docs/configuration.md or man 5 kouka.toml)")) {
            try Configuration.load(path: city.configPath)
        }
    }
}
