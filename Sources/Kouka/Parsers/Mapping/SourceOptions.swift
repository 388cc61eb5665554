import Foundation

/// What a `[[source]]` of the configuration says beyond its format and path: which columns (or JSON keys)
/// mean what, which values mean what, and names for logs that carry none.
public struct SourceOptions: Sendable, Hashable {
    /// Role → column name (or JSON key), from `[source.columns]`.
    public var columns: [String: String]
    /// Value list name → values, from `[source.values]` (e.g. `success = ["正常終了"]`).
    public var values: [String: [String]]
    /// The name the catalog maps, for logs that name no task (transcripts, DeepL, Bot Framework).
    public var task: String?
    /// The department, for logs that name none.
    public var department: String?
    /// Chatbot intents that mean the bot did not understand.
    public var fallbackIntents: [String]
    /// Below this intent confidence a chatbot answer does not count as answered.
    public var minimumConfidence: Double
    /// Chatbot actions or events that hand the conversation to a person.
    public var handoffNames: [String]
    /// The zone in which this source's times without an offset are read, from the source's `timezone`; nil
    /// for the format's own default (UTC for Dataverse flowsession exports, else the configuration's zone).
    /// Dates are still taken in the configuration's zone.
    public var timeZone: TimeZone?
    /// The byte between a mapped CSV's fields, from the source's `delimiter`; nil takes it from the header row.
    public var delimiter: UInt8?

    /// Every mapped column: a file whose header lacks one is not the configured export.
    var mappedColumns: [String] { Array(Set(columns.values)).sorted() }

    /// Options as a `[[source]]` table states them; the defaults are those of a source that states nothing.
    public init(
        columns: [String: String] = [:], values: [String: [String]] = [:], task: String? = nil, department: String? = nil,
        fallbackIntents: [String] = ["nlu_fallback"], minimumConfidence: Double = 0, handoffNames: [String] = ["handoff.initiate", "action_handoff"],
        timeZone: TimeZone? = nil, delimiter: UInt8? = nil
    ) {
        self.columns = columns
        self.values = values
        self.task = task
        self.department = department
        self.fallbackIntents = fallbackIntents
        self.minimumConfidence = minimumConfidence
        self.handoffNames = handoffNames
        self.timeZone = timeZone
        self.delimiter = delimiter
    }
}
