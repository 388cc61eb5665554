/// The format identifiers the configuration accepts, and the parser for each.
public enum FormatRegistry {
    /// Formats that need no column mapping.
    public static let fixedFormats: [String: any LogParser] = [
        "uipath-execution-log": UiPathExecutionLogParser(),
        "winactor-task-csv": WinActorTaskCSVParser(),
        "power-automate-flowsession": PowerAutomateFlowSessionParser(),
    ]

    /// Formats whose columns the configuration maps.
    public static let mappedFormats: Set<String> = ["rpa-csv"]

    public static var allFormatIDs: [String] { (Array(fixedFormats.keys) + mappedFormats).sorted() }
}
