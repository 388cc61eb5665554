/// The format identifiers the configuration accepts, and how each one's parser is made.
public enum FormatRegistry {
    /// Makes the parser for `format` with a source's options; throws when the options cannot work.
    public typealias Factory = @Sendable (SourceOptions) throws(MappingError) -> any LogParser

    public static let factories: [String: Factory] = [
        "uipath-execution-log": { _ in UiPathExecutionLogParser() },
        "winactor-task-csv": { _ in WinActorTaskCSVParser() },
        "power-automate-flowsession": { _ in PowerAutomateFlowSessionParser() },
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

    public static var allFormatIDs: [String] { factories.keys.sorted() }
}
