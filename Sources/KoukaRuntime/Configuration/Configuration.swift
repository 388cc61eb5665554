import Foundation
import KoukaCore
import KoukaParsers
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
            let parser: any LogParser
            if let fixed = FormatRegistry.fixedFormats[section.format] {
                parser = fixed
            } else if section.format == "rpa-csv" {
                guard let columns = section.columns else {
                    throw ConfigurationError(path: path, message: "\(label): format rpa-csv needs a [source.columns] table naming at least task and start")
                }
                let mapping = RobotCSVMapping(
                    task: columns.task, start: columns.start, end: columns.end, duration: columns.duration, status: columns.status,
                    successValues: section.status?.success ?? [], failureValues: section.status?.failure ?? [],
                    cancelledValues: section.status?.cancelled ?? [], unfinishedValues: section.status?.unfinished ?? [],
                    items: columns.items, department: columns.department)
                guard mapping.isComplete else {
                    throw ConfigurationError(path: path, message: "\(label): columns need start, or both end and duration")
                }
                if columns.status != nil && (section.status?.success ?? []).isEmpty {
                    throw ConfigurationError(path: path, message: "\(label): columns.status is set, so [source.status] must list the success values")
                }
                parser = RobotCSVParser(mapping: mapping)
            } else {
                throw ConfigurationError(path: path, message: "\(label): format \(section.format) is unknown; use one of \(FormatRegistry.allFormatIDs.joined(separator: ", "))")
            }
            sources.append(SourceSpec(format: section.format, pattern: absolute(section.path), encoding: encoding, parser: parser))
        }
        var targets = TargetTable.dxPolicyDefaults
        for (year, section) in file.targets ?? [:] {
            guard let fy = Int(year), (2000...2100).contains(fy) else {
                throw ConfigurationError(path: path, message: "targets.\(year): the key must be a fiscal year such as 2025")
            }
            targets.years[fy] = YearTargets(rpaHours: section.rpa_hours, aiTasks: section.ai_tasks, newSystems: section.new_systems)
        }
        return Configuration(
            path: path, clock: LocalClock(zone: zone), databasePath: absolute(file.database ?? "kouka.sqlite"),
            catalogPath: absolute(file.catalog), outputPath: absolute(file.output ?? "reports"), sources: sources, targets: targets)
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
