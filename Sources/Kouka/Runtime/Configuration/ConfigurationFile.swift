/// The configuration file exactly as written (TOML); `Configuration` is what it means.
struct ConfigurationFile: Decodable {
    var timezone: String?
    var database: String?
    var catalog: String
    var output: OutputSection?
    var monitoring: MonitoringSection?
    /// The systems register (new systems by go-live date), relative to the file like the catalog.
    var systems: String?
    var source: [SourceSection]?
    var targets: YearKeyed<TargetSection>?
    var office_hours: OfficeHoursSection?
    var ai_tasks: AITasksSection?
    var nightly: NightlySection?
    var money: MoneySection?
    var review: ReviewSection?

    struct MoneySection: Decodable {
        var hourly_staff_cost_yen: TOMLNumber
        var licence_yen: [String: TOMLNumber]?
    }

    struct MonitoringSection: Decodable {
        var textfile: String?
    }

    struct NightlySection: Decodable {
        var pending_max_hours: TOMLNumber?
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
        var minimum_confidence: TOMLNumber?
        var handoff_names: [String]?
        var timezone: String?
        var delimiter: String?
        var required: Bool?
    }

    /// A table keyed by fiscal year (`[targets.2025]`). Decoded by hand: Swift decodes a dictionary
    /// whose keys look like numbers through integer keys, which a TOML table does not have.
    struct YearKeyed<Value: Decodable>: Decodable {
        var values: [String: Value]

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            var values: [String: Value] = [:]
            for key in container.allKeys { values[key.stringValue] = try container.decode(Value.self, forKey: key) }
            self.values = values
        }
    }

    struct TargetSection: Decodable {
        var rpa_hours: TargetValue<TOMLNumber>?
        var ai_tasks: TargetValue<Int>?
        var new_systems: TargetValue<Int>?
    }

    struct OfficeHoursSection: Decodable {
        var opens: String?
        var closes: String?
        var exclude_chatbot_answers: Bool?
    }

    struct AITasksSection: Decodable {
        var minimum_uses: Int?
    }

    /// A number written either way in TOML (`3000` or `3000.0`): the TOML decoder reads an integer only
    /// as an integer. Anything else is a type mismatch that names a number as the type the key takes.
    struct TOMLNumber: Decodable {
        var value: Double

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            do {
                value = try container.decode(Double.self)
            } catch {
                do {
                    value = Double(try container.decode(Int.self))
                } catch {
                    throw DecodingError.typeMismatch(Double.self, .init(codingPath: decoder.codingPath, debugDescription: "not a number"))
                }
            }
        }
    }
}
