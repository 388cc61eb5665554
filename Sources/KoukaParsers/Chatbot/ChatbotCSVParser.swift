import KoukaCore

/// Reads a chatbot vendor's conversation-log export (会話ログ): one row per question, columns mapped in
/// the configuration. An inquiry answered without a person is a success; unanswered (未回答) and handed
/// to a person (有人対応) are failures. The question's text is never read.
///
/// Roles: `time` and `category` (the FAQ category or intent the catalog maps; required), `answered`
/// with `[source.values]` `answered` / `unanswered`, `escalated` with `escalated` values, `session`,
/// `rating`, `department`.
public struct ChatbotCSVParser: LogParser {
    public let formatID = "chatbot-csv"
    public let options: SourceOptions

    public static let roles = ColumnRoles(
        required: ["time", "category"], optional: ["answered", "escalated", "session", "rating", "department"],
        valueLists: ["answered", "unanswered", "escalated"])

    public init(options: SourceOptions) throws(MappingError) {
        try Self.roles.validate(options)
        if options.columns["answered"] != nil && (options.values["answered"] ?? []).isEmpty {
            throw MappingError("answered is mapped, so [source.values] must list the answered values (e.g. answered = [\"回答済\"])")
        }
        if options.columns["escalated"] != nil && (options.values["escalated"] ?? []).isEmpty {
            throw MappingError("escalated is mapped, so [source.values] must list the values meaning a person took over")
        }
        self.options = options
    }

    public func parse(path: String, context: ParseContext, into sink: any ParseSink) throws -> ParseSummary {
        return try CSVTable.read(path: path, context: context, format: formatID, required: options.mappedColumns, sink: sink,
                                 redactsValues: true) { row, _ throws(RowProblem) in
            let m = MappedRow(row: row, options: options)
            var answered = true
            if m.has("answered") {
                let value = try m.text("answered")
                if m.value(value, isIn: "answered") { answered = true }
                else if m.value(value, isIn: "unanswered") || value.isEmpty { answered = false }
                else { throw RowProblem("column \(options.columns["answered"]!) is in neither the answered nor the unanswered values") }
            }
            let escalation = try m.text("escalated")
            let escalated = m.has("escalated") && m.value(escalation, isIn: "escalated")
            sink.accept(UsageEvent(
                family: .chatbot, occurredAt: try m.instant("time", clock: context.clock), taskName: try m.required("category"),
                department: try m.department(), outcome: answered && !escalated ? .success : .failure, quantity: 1,
                unit: .inquiries, source: context.location(row.record.line)))
        }
    }
}
