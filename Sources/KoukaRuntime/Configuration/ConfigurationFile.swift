/// The configuration file exactly as written (TOML); `Configuration` is what it means.
struct ConfigurationFile: Decodable {
    var timezone: String?
    var database: String?
    var catalog: String
    var output: String?
    var source: [SourceSection]?
    var targets: [String: TargetSection]?
    var office_hours: OfficeHoursSection?
    var ai_tasks: AITasksSection?
    var nightly: NightlySection?

    struct NightlySection: Decodable {
        var pending_max_hours: Double?
    }

    struct SourceSection: Decodable {
        var format: String
        var path: String
        var encoding: String?
        var columns: [String: String]?
        var values: [String: [String]]?
        var task: String?
        var department: String?
        var fallback_intents: [String]?
        var minimum_confidence: Double?
        var handoff_names: [String]?
    }

    struct TargetSection: Decodable {
        var rpa_hours: Double?
        var ai_tasks: Int?
        var new_systems: Int?
    }

    struct OfficeHoursSection: Decodable {
        var opens: String?
        var closes: String?
        var exclude_chatbot_answers: Bool?
    }

    struct AITasksSection: Decodable {
        var minimum_uses: Int?
    }
}
