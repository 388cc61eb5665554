import Foundation

/// The configuration `Kouka.measure` runs the nightly job and the report with: one required source per log,
/// the store in a folder of its own.
enum MeasureConfiguration {
    static func make(
        logs: [LogFile], catalog: String, database: String, timeZone: TimeZone, rules: MeasureRules, formats: LogFormats
    ) throws -> Configuration {
        let absolute = logs.map { URL(fileURLWithPath: $0.path).standardizedFileURL.path }
        // Paths are shown relative to the folder the logs and the catalog share, as a configuration beside them would.
        let catalogPath = URL(fileURLWithPath: catalog).standardizedFileURL.path
        let base = commonFolder(absolute + [catalogPath])
        let sources = try logs.map { log in
            SourceSpec(format: log.format, pattern: log.literalPattern, encoding: log.encoding, options: log.options,
                       parser: try parser(for: log, formats: formats), required: true,
                       pendingMaxAge: rules.pendingMaxHours * 3600)
        }
        return Configuration(
            path: base + "/(Kouka.measure)", clock: LocalClock(zone: timeZone), databasePath: database, catalogPath: catalogPath,
            outputPath: URL(fileURLWithPath: database).deletingLastPathComponent().path, sources: sources, targets: rules.targets,
            officeHours: rules.officeHours, excludeOffHoursChatbotAnswers: rules.excludeOffHoursChatbotAnswers,
            minimumAIUses: rules.minimumAIUses, pendingMaxAge: rules.pendingMaxHours * 3600, money: nil)
    }

    static func parser(for log: LogFile, formats: LogFormats) throws(ConfigurationError) -> any LogParser {
        do { return try formats.parser(log.format, options: log.options) } catch {
            throw ConfigurationError(path: log.path, message: error.message)
        }
    }

    /// The deepest folder that holds every one of `paths`.
    private static func commonFolder(_ paths: [String]) -> String {
        let folders = paths.map { Array(URL(fileURLWithPath: $0).deletingLastPathComponent().pathComponents) }
        guard var common = folders.first else { return "/" }
        for folder in folders.dropFirst() {
            common = Array(zip(common, folder).prefix { $0.0 == $0.1 }.map(\.0))
        }
        let joined = common.dropFirst().joined(separator: "/")
        return "/" + joined
    }
}
