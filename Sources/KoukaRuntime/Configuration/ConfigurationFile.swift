/// The configuration file exactly as written (TOML); `Configuration` is what it means.
struct ConfigurationFile: Decodable {
    var timezone: String?
    var database: String?
    var catalog: String
    var output: String?
    var source: [SourceSection]?
    var targets: [String: TargetSection]?

    struct SourceSection: Decodable {
        var format: String
        var path: String
        var encoding: String?
        var columns: ColumnSection?
        var status: StatusSection?
    }

    struct ColumnSection: Decodable {
        var task: String
        var start: String?
        var end: String?
        var duration: String?
        var status: String?
        var items: String?
        var department: String?
    }

    struct StatusSection: Decodable {
        var success: [String]?
        var failure: [String]?
        var cancelled: [String]?
        var unfinished: [String]?
    }

    struct TargetSection: Decodable {
        var rpa_hours: Double?
        var ai_tasks: Int?
        var new_systems: Int?
    }
}
