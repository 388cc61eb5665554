
/// Reads a chatbot vendor's conversation-log export (会話ログ): one row per question, columns mapped in
/// the configuration. An inquiry answered without a person is a success; unanswered (未回答) and handed
/// to a person (有人対応) are failures. The question's text is never read.
///
/// Roles: `time` and `category` (the FAQ category or intent the catalog maps; required), `answered`
/// with `[source.values]` `answered` / `unanswered`, `escalated` with `escalated` / `not_escalated`,
/// `session`, `rating` (a number; kept with the answers for the tool review), `department`. A value in neither of its column's lists is rejected, never guessed
/// at; the empty cell too, unless a list names "". `run_id` names each inquiry (a message id), so that
/// overlapping exports count it once.
package struct ChatbotCSVParser: LogParser {
    package let formatID = "chatbot-csv"
    package let options: SourceOptions

    package static let roles = ColumnRoles(
        required: ["time", "category"], optional: ["run_id", "answered", "escalated", "session", "rating", "department"],
        valueLists: ["answered", "unanswered", "escalated", "not_escalated"])

    package init(options: SourceOptions) throws(MappingError) {
        try Self.roles.validate(options)
        if options.columns["answered"] != nil && (options.values["answered"] ?? []).isEmpty {
            throw MappingError("answered is mapped, so [source.values] must list the answered values (e.g. answered = [\"回答済\"])")
        }
        // Both meanings are listed: a value in neither (a misspelt flag) must not pass for "no person took over".
        if options.columns["escalated"] != nil && ((options.values["escalated"] ?? []).isEmpty || (options.values["not_escalated"] ?? []).isEmpty) {
            throw MappingError("escalated is mapped, so [source.values] must list the values meaning a person took over (escalated = [\"あり\"]) and those meaning none did (not_escalated = [\"なし\"], or [\"\"] for an empty cell)")
        }
        for lists in [["answered", "unanswered"], ["escalated", "not_escalated"]] {
            if let shared = ColumnRoles.overlap(of: lists, in: options) { throw MappingError(shared) }
        }
        self.options = options
    }

    package func parse(path: String, context: ParseContext, into sink: any ParseSink) throws -> ParseSummary {
        try MappedRuns.read(options: options, context: context, sink: sink) { part, runs in try parse(path: path, context: context, into: part, runs: &runs) }
    }

    /// Whether the keys handed to `counted(runs:)` are row keys (no `run_id` mapped): see `MappedRuns`.
    package var logsRowKeys: Bool { MappedRuns.keepsRowKeys(options) }
    /// Its rows' times are the export's: another export may date a run otherwise.
    package var datesRunsAsExported: Bool { true }

    private func parse(path: String, context: ParseContext, into sink: any ParseSink, runs: inout MappedRuns) throws -> ParseSummary {
        return try CSVTable.read(path: path, context: context, format: formatID, required: options.mappedColumns, sink: sink,
                                 redactsValues: true, delimiter: options.delimiter, rowDay: { MappedRow(row: $0, options: options).day("time", clock: context.clock) }) { row, _ throws(RowProblem) in
            let m = MappedRow(row: row, options: options)
            var answered = true, escalated = false
            if m.has("answered") { answered = try m.list("answered", among: ["answered", "unanswered"]) == "answered" }
            if m.has("escalated") { escalated = try m.list("escalated", among: ["escalated", "not_escalated"]) == "escalated" }
            var event = UsageEvent(
                family: .chatbot, occurredAt: try m.instant("time", clock: context.clock), taskName: try m.required("category"),
                department: try m.department(), outcome: answered && !escalated ? .success : .failure, quantity: 1,
                unit: .inquiries, source: context.location(row.record.line))
            event.quality = try m.inquiryQuality(answered: answered, escalated: escalated)
            try m.accept(event, into: sink, runs: &runs)
        }
    }
}
