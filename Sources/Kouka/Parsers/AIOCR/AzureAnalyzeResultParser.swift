import Foundation

/// Reads an Azure Document Intelligence `analyzeResult` JSON (one analysed document a file): its status,
/// when it was created, the model (the form type the catalog maps) and its page count, which is the
/// number of sheets. Pages are counted as they stream past, never held.
///
/// Form Recognizer v2.0/v2.1 results (`"version": "2.1.0"`, still returned by older integrations and the
/// disconnected containers) name no model and list no `pages`: there the form type is the
/// `documentResults[].docType` (`prebuilt:invoice`, `custom:<model>`) and each `readResults[]` entry is a page.
package struct AzureAnalyzeResultParser: LogParser {
    package let formatID = "azure-document-intelligence"
    package let options: SourceOptions

    package init(options: SourceOptions) { self.options = options }

    package func parse(path: String, context: ParseContext, into sink: any ParseSink) throws -> ParseSummary {
        var status: String?, created: String?, updated: String?, model: String?
        var pages = 0, readResults = 0
        var docTypes: [String] = []
        let reader = try JSONPathReader(path: path, encoding: context.encoding)
        let end = try reader.read([
            .init(["status"]), .init(["createdDateTime"]), .init(["analyzeResult", "modelId"]),
            .init(["analyzeResult", "pages", "*"], capture: false),
            .init(["analyzeResult", "readResults", "*"], capture: false), .init(["analyzeResult", "documentResults", "*", "docType"]),
            .init(["lastUpdatedDateTime"]),
        ]) { _, pattern, json, _ in
            switch pattern {
            case 0: status = Self.string(json)
            case 1: created = Self.string(json)
            case 2: model = Self.string(json)
            case 3: pages += 1
            case 4: readResults += 1
            case 5: docTypes.append(Self.string(json) ?? "")
            default: updated = Self.string(json)
            }
        }
        // A v2 result: its pages are its readResults, its form type its documents' docType.
        if model == nil && pages == 0 { pages = readResults }
        guard let status else {
            throw FormatMismatch(path: context.displayPath, format: formatID, reason: "no top-level status string: not an analyzeResult")
        }
        var summary = ParseSummary(recordsRead: 1)
        // The document is dated by its createdDateTime when that much of it can be read.
        let day = created.flatMap { Timestamp($0) }.map { context.clock.localDate(of: $0.instant(in: context.clock)) }
        let reject = { (reason: String) in sink.reject(Rejection(file: context.displayPath, line: 1, reason: reason, day: day)) }
        guard end.complete else {
            sink.reject(Rejection(file: context.displayPath, line: end.cutLine, reason: "the JSON is cut off here; the document is not counted", day: day))
            return summary
        }
        // One result a file: several (JSON lines, or a result and its retry) would be read as one, their pages added up under
        // the last's status and form type (helper-127: two forms' 2 + 3 sheets counted as 5 of the second, a failure lost).
        guard end.roots <= 1 else {
            throw FormatMismatch(path: context.displayPath, format: formatID,
                                 reason: "the file holds \(end.roots) JSON values, and an analyzeResult is one document: save each result in a file of its own (as the service returns it)")
        }
        // When it last changed: its update, else its creation, the first that reads as a time.
        let lastChange = updated.flatMap { Timestamp($0) } ?? created.flatMap { Timestamp($0) }
        let outcome: Outcome
        switch status.lowercased() {
        case "succeeded": outcome = .success
        case "failed": outcome = .failure
        case "canceled", "cancelled": outcome = .cancelled
        case "notstarted", "running":
            // An analysis takes seconds; one still running past the allowed age never finished (the service keeps a result
            // 24 hours): counted unfinished, and named, as any robot run that stopped. One with no time at all could never
            // be told stuck: rejected.
            guard let since = lastChange else {
                reject("status is \(status) and neither lastUpdatedDateTime nor createdDateTime is a date-time: nothing could ever tell whether it finished")
                return summary
            }
            guard context.now.timeIntervalSince(since.instant(in: context.clock)) > context.pendingMaxAge else {
                summary.pendingRuns = 1
                return summary
            }
            outcome = .unfinished
        default:
            reject("status is not an analyze operation status (succeeded, failed, running, notStarted)")
            return summary
        }
        guard let created, let stamp = Timestamp(created) else { reject("createdDateTime is missing or not a date-time"); return summary }
        if model == nil, let docType = docTypes.first {
            guard !docType.isEmpty, docTypes.allSatisfy({ $0 == docType }) else {
                reject("documentResults[].docType is not one form type (empty, or several in one result): a file is counted as one form; split the result or set the source's task")
                return summary
            }
            model = docType
        }
        guard let name = model ?? options.task else {
            if outcome == .unfinished {
                reject("status is \(status) since \(lastChange.map { UTCTimestamp.string(from: $0.instant(in: context.clock)) } ?? ""), past the allowed age: the analysis never finished, and a result still running names no form type; set the source's task to count it as an unfinished use")
                return summary
            }
            reject("no form type: analyzeResult.modelId (v3 and later) or documentResults[].docType (Form Recognizer v2) is missing; set the source's task")
            return summary
        }
        sink.accept(UsageEvent(
            family: .aiOCR, occurredAt: stamp.instant(in: context.clock), taskName: name, department: options.department,
            outcome: outcome, quantity: Double(outcome == .success ? max(pages, 1) : pages), unit: .sheets, source: context.location(1)))
        return summary
    }

    /// The JSON value as a string; nil for any other value (a number, an object, broken JSON), which the checks
    /// above then refuse with the field named: the value is not read as something it is not.
    static func string(_ json: Data) -> String? {
        do { return try JSONSerialization.jsonObject(with: json, options: .fragmentsAllowed) as? String } catch { return nil }
    }
}
