import Foundation
import KoukaCore
import KoukaParsers
import KoukaReports
import TOMLKit

/// What the configuration file says, with every path resolved against the file's own folder and every
/// value checked, so a mistake is reported before any work is done.
public struct Configuration: Sendable {
    public var path: String
    public var clock: LocalClock
    public var databasePath: String
    public var catalogPath: String
    public var outputPath: String
    public var sources: [SourceSpec]
    public var targets: TargetTable
    /// When counters are staffed; chatbot answers outside them are marked at ingest.
    public var officeHours: OfficeHours
    /// Whether reports leave out chatbot answers given outside office hours.
    public var excludeOffHoursChatbotAnswers: Bool
    /// Successful uses an AI task needs in a fiscal year to count as AI-supported.
    public var minimumAIUses: Int
    /// How long a run may stay unfinished before it is counted as a failure.
    public var pendingMaxAge: TimeInterval
    /// Staff cost and licence costs, when configured: reports then state yen saved and the net effect.
    public var money: MoneySettings?

    /// Reads and checks the TOML file at `path`.
    public static func load(path: String) throws(ConfigurationError) -> Configuration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(path: path, message: "cannot read the file; pass --config with the path of kouka.toml")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(path: path, message: "is not UTF-8 text; save it as UTF-8")
        }
        let file: ConfigurationFile
        do {
            var decoder = TOMLDecoder()
            decoder.strictDecoding = true
            file = try decoder.decode(ConfigurationFile.self, from: text)
        } catch let error as TOMLParseError {
            throw ConfigurationError(path: path, message: "TOML error \(error.source.debugDescription): \(error.description)")
        } catch let error as UnexpectedKeysError {
            let keys = error.keys.keys.sorted().joined(separator: ", ")
            throw ConfigurationError(path: path, message: "unknown key(s) \(keys); check their spelling against the README")
        } catch let error as DecodingError {
            throw ConfigurationError(path: path, message: Self.explain(error))
        } catch {
            throw ConfigurationError(path: path, message: "\(error)")
        }
        return try resolve(file, path: path)
    }

    private static func resolve(_ file: ConfigurationFile, path: String) throws(ConfigurationError) -> Configuration {
        let base = URL(fileURLWithPath: path).deletingLastPathComponent().path
        func absolute(_ p: String) -> String {
            URL(fileURLWithPath: p.hasPrefix("/") ? p : (base as NSString).appendingPathComponent(p)).standardizedFileURL.path
        }
        let zoneName = file.timezone ?? "Asia/Tokyo"
        guard let zone = TimeZone(identifier: zoneName) else {
            throw ConfigurationError(path: path, message: "timezone \(zoneName) is not a time zone name; use one like Asia/Tokyo")
        }
        var sources: [SourceSpec] = []
        for (index, section) in (file.source ?? []).enumerated() {
            let label = "source #\(index + 1) (\(section.path))"
            var encoding = TextEncoding.auto
            if let name = section.encoding {
                guard let value = TextEncoding(configured: name) else {
                    throw ConfigurationError(path: path, message: "\(label): encoding \(name) is not one of utf-8, shift_jis, auto")
                }
                encoding = value
            }
            guard let factory = FormatRegistry.factories[section.format] else {
                throw ConfigurationError(path: path, message: "\(label): format \(section.format) is unknown; use one of \(FormatRegistry.allFormatIDs.joined(separator: ", "))")
            }
            var sourceZone: TimeZone? = nil
            if let name = section.timezone {
                guard let value = TimeZone(identifier: name) else {
                    throw ConfigurationError(path: path, message: "\(label): timezone \(name) is not a time zone name; use one like UTC or Asia/Tokyo")
                }
                sourceZone = value
            }
            let defaults = SourceOptions()
            let options = SourceOptions(
                columns: section.columns ?? [:], values: section.values ?? [:], task: section.task, department: section.department,
                fallbackIntents: section.fallback_intents ?? defaults.fallbackIntents,
                minimumConfidence: section.minimum_confidence?.value ?? defaults.minimumConfidence,
                handoffNames: section.handoff_names ?? defaults.handoffNames, timeZone: sourceZone)
            let parser: any LogParser
            do { parser = try factory(options) } catch {
                throw ConfigurationError(path: path, message: "\(label), format \(section.format): \(error.message)")
            }
            sources.append(SourceSpec(format: section.format, pattern: absolute(section.path), encoding: encoding, parser: parser))
        }
        var targets = TargetTable.dxPolicyDefaults
        for (year, section) in file.targets?.values ?? [:] {
            guard let fy = Int(year), (2000...2100).contains(fy) else {
                throw ConfigurationError(path: path, message: "targets.\(year): the key must be a fiscal year such as 2025")
            }
            targets.years[fy] = YearTargets(rpaHours: section.rpa_hours?.value, aiTasks: section.ai_tasks, newSystems: section.new_systems)
        }
        var officeHours = OfficeHours.cityHall
        for (key, text) in [("opens", file.office_hours?.opens), ("closes", file.office_hours?.closes)] {
            guard let text else { continue }
            guard let minutes = OfficeHours.minutes(text) else {
                throw ConfigurationError(path: path, message: "office_hours.\(key) \(text) is not a time HH:mm")
            }
            if key == "opens" { officeHours.opens = minutes } else { officeHours.closes = minutes }
        }
        guard officeHours.opens < officeHours.closes else {
            throw ConfigurationError(path: path, message: "office_hours: opens must be before closes")
        }
        let pendingHours = file.nightly?.pending_max_hours?.value ?? 24
        guard pendingHours > 0 else { throw ConfigurationError(path: path, message: "nightly.pending_max_hours must be more than 0") }
        let minimumUses = file.ai_tasks?.minimum_uses ?? 1
        guard minimumUses >= 1 else { throw ConfigurationError(path: path, message: "ai_tasks.minimum_uses must be 1 or more") }
        var money: MoneySettings? = nil
        if let section = file.money {
            guard section.hourly_staff_cost_yen.value > 0 else { throw ConfigurationError(path: path, message: "money.hourly_staff_cost_yen must be more than 0") }
            var licences: [SystemFamily: Double] = [:]
            for (key, yen) in section.licence_yen ?? [:] {
                guard let family = SystemFamily(rawValue: key), yen.value >= 0 else {
                    throw ConfigurationError(path: path, message: "money.licence_yen.\(key): the key must be one of \(SystemFamily.allCases.map(\.rawValue).joined(separator: ", ")) and the cost 0 or more")
                }
                licences[family] = yen.value
            }
            money = MoneySettings(hourlyStaffCostYen: section.hourly_staff_cost_yen.value, yearlyLicenceYen: licences)
        }
        return Configuration(
            path: path, clock: LocalClock(zone: zone), databasePath: absolute(file.database ?? "kouka.sqlite"),
            catalogPath: absolute(file.catalog), outputPath: absolute(file.output ?? "reports"), sources: sources, targets: targets,
            officeHours: officeHours, excludeOffHoursChatbotAnswers: file.office_hours?.exclude_chatbot_answers ?? false,
            minimumAIUses: minimumUses, pendingMaxAge: pendingHours * 3600, money: money)
    }

    private static func explain(_ error: DecodingError) -> String {
        switch error {
        case let .keyNotFound(key, context):
            let at = (context.codingPath.map(\.stringValue) + [key.stringValue]).joined(separator: ".")
            return "missing key \(at)"
        case let .typeMismatch(_, context), let .valueNotFound(_, context), let .dataCorrupted(context):
            return "key \(context.codingPath.map(\.stringValue).joined(separator: ".")) has the wrong type: \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
