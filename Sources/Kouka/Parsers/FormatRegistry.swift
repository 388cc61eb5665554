/// The format identifiers the configuration accepts, and how each one's parser is made.
package enum FormatRegistry {
    /// Makes the parser for `format` with a source's options; throws when the options cannot work.
    package typealias Factory = @Sendable (SourceOptions) throws(MappingError) -> any LogParser

    package static let factories: [String: Factory] = Dictionary(uniqueKeysWithValues: makers.map {
        ($0.key, refusingUnreadNames($0.key, refusingUnreadZone($0.key, $0.value)))
    })

    /// The formats that read a source's own `timezone` (the zone of its times without an offset).
    package static let readingSourceTimeZone: Set<String> = Set(zoneReaders)
    /// Those formats in the order messages name them.
    private static let zoneReaders = ["power-automate-flowsession", "power-automate-flowrun", "uipath-orchestrator"]

    /// `make`, refusing a `timezone` that `format` does not read: ignored, it would seem to have applied.
    private static func refusingUnreadZone(_ format: String, _ make: @escaping Factory) -> Factory {
        guard !readingSourceTimeZone.contains(format) else { return make }
        return { options throws(MappingError) in
            if options.timeZone != nil {
                throw MappingError("timezone is read only by \(zoneReaders.dropLast().joined(separator: ", ")) and \(zoneReaders.last!) sources; \(format) reads times without an offset in the configuration's timezone, so remove the source's timezone")
            }
            return try make(options)
        }
    }

    /// The formats that read a source's own `department` (for rows or files that name none), in the order messages name them.
    private static let departmentReaders = [
        "rpa-csv", "ai-ocr-csv", "azure-document-intelligence", "minutes-session-csv", "minutes-transcript", "chatbot-csv", "rasa-tracker",
        "bot-framework-transcript", "translation-usage", "deepl-usage",
    ]
    /// The formats that read a source's own `task` (the name the catalog maps, for logs that carry none).
    private static let taskReaders = ["azure-document-intelligence", "minutes-transcript", "bot-framework-transcript", "translation-usage", "deepl-usage"]
    /// Those formats, for callers that give a task only where it is read (the fuzzer).
    package static let readingSourceTask: Set<String> = Set(taskReaders)

    /// `make`, refusing a `department` or `task` that `format` does not read: ignored, it would seem to have applied — a city
    /// giving each WinActor Manager's source its department saw every run under the catalog's, with exit 0 (helper-181 #1).
    private static func refusingUnreadNames(_ format: String, _ make: @escaping Factory) -> Factory {
        { options throws(MappingError) in
            for (key, value, readers) in [("department", options.department, departmentReaders), ("task", options.task, taskReaders)]
            where value != nil && !readers.contains(format) {
                let reason = key == "department"
                    ? "\(format) logs are counted under the department of the task's catalog row; give the task its own catalog row (task_id) for each department"
                    : "\(format) logs name their task (the name the catalog maps) in every line"
                throw MappingError("\(key) is read only by \(readers.dropLast().joined(separator: ", ")) and \(readers.last!) sources: \(reason), so remove the source's \(key) — ignored, it would seem to have applied")
            }
            return try make(options)
        }
    }

    private static let makers: [String: Factory] = [
        "uipath-execution-log": { _ in UiPathExecutionLogParser() },
        "winactor-task-csv": { _ in WinActorTaskCSVParser() },
        "uipath-orchestrator": { options in UiPathOrchestratorParser(options: options) },
        "power-automate-flowsession": { options in PowerAutomateFlowSessionParser(options: options) },
        "power-automate-flowrun": { options in PowerAutomateFlowRunParser(options: options) },
        "rpa-csv": { options throws(MappingError) in try RobotCSVParser(options: options) },
        "ai-ocr-csv": { options throws(MappingError) in try AIOCRCSVParser(options: options) },
        "azure-document-intelligence": { options in AzureAnalyzeResultParser(options: options) },
        "minutes-session-csv": { options throws(MappingError) in try MinutesSessionCSVParser(options: options) },
        "minutes-transcript": { options in TranscriptParser(options: options) },
        "chatbot-csv": { options throws(MappingError) in try ChatbotCSVParser(options: options) },
        "rasa-tracker": { options in RasaTrackerParser(options: options) },
        "bot-framework-transcript": { options in BotFrameworkTranscriptParser(options: options) },
        "translation-usage": { options throws(MappingError) in try TranslationUsageParser(options: options) },
        "deepl-usage": { options in DeepLUsageParser(options: options) },
    ]

    package static var allFormatIDs: [String] { factories.keys.sorted() }
}
