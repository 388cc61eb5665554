import Foundation

/// Reads a Rasa tracker-store export: one conversation, `events[]` in order. Each `user` event is an
/// inquiry, named by its intent for the catalog. It was answered unless its intent is a fallback
/// (`nlu_fallback` by default), its confidence is below the configured minimum, or a hand-off action
/// follows it before the next question. An inquiry is counted once when trackers overlap (a conversation exported
/// again with its later turns): by its `message_id` and `timestamp`, see `InquiryOnce`. The user's text is never decoded.
package struct RasaTrackerParser: LogParser {
    package let formatID = "rasa-tracker"
    package let options: SourceOptions
    /// A question is dated by its own time in every export (`InquiryOnce`).
    package var keepsTheDayOfOpenRuns: Bool { true }
    /// A question whose intent is a fallback is one the bot did not understand: unanswered, of no task.
    package var unclassifiedNames: Set<String> { Set(options.fallbackIntents).union([Self.typedCommand]) }

    /// The name a question is counted under when the user typed `/…` and Rasa (1.x, 2.x) took the words after the slash for
    /// the intent, without understanding them: they are the citizen's own (`/山田花子の住所 …`), never stored or printed
    /// (helper-137: they reached the store, the summary and every report). A button's payload (`/ask_gomi`) is an intent's
    /// identifier and keeps its name.
    package static let typedCommand = "（利用者が入力した /コマンド）"

    /// Whether `name` is an intent's identifier as a bot's domain names it: ASCII letters, digits and `_-.:`.
    static func isIdentifier(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || [0x5F, 0x2D, 0x2E, 0x3A].contains(byte)
        }
    }

    package init(options: SourceOptions) { self.options = options }

    /// Whether a user's text is a command (`/…`): that alone is kept of it.
    struct Command: Decodable {
        var typed: Bool

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            typed = container.decodeNil() ? false : try container.decode(String.self).hasPrefix("/")
        }
    }

    /// The keys of an event Kouka reads; of `text`, only whether it is a command.
    struct Event: Decodable {
        struct ParseData: Decodable {
            struct Intent: Decodable {
                var name: String?
                var confidence: Double?
            }
            var intent: Intent?
        }
        var event: String?
        var timestamp: Double?
        var name: String?
        var message_id: String?
        var parse_data: ParseData?
        var text: Command?
    }

    struct Inquiry {
        var intent: String
        var confidence: Double
        var at: Date
        var line: Int
        var handedOff = false
        /// The message's id ("" when the tracker has none) and the bits of its timestamp: the same in every export.
        var key: String
    }

    package func parse(path: String, context: ParseContext, into sink: any ParseSink) throws -> ParseSummary {
        try RunCountingRead.read(context: context, sink: sink) { part, admission in
            try parse(path: path, context: context, into: part, admission: &admission)
        }
    }

    private func parse(path: String, context: ParseContext, into sink: any ParseSink, admission: inout RunAdmission) throws -> ParseSummary {
        let decoder = JSONDecoder()
        var summary = ParseSummary()
        var current: Inquiry? = nil
        var sawEvents = false
        let unclassified = unclassifiedNames
        func finish(_ inquiry: Inquiry, mayChange: Bool = false) {
            let botAnswered = !unclassified.contains(inquiry.intent) && inquiry.confidence >= options.minimumConfidence
            var event = UsageEvent(
                family: .chatbot, occurredAt: inquiry.at, taskName: inquiry.intent, department: options.department,
                outcome: botAnswered && !inquiry.handedOff ? .success : .failure, quantity: 1, unit: .inquiries,
                source: context.location(inquiry.line))
            event.quality = InquiryQuality.measured(answered: botAnswered, handedOff: inquiry.handedOff)
            InquiryOnce.accept(event, key: inquiry.key, keyName: "the user event's message_id and timestamp", line: inquiry.line,
                               mayChange: mayChange, into: sink, admission: &admission, context: context)
        }
        let end = try JSONPathReader(path: path, encoding: context.encoding).read([.init(["events", "*"])]) { _, _, json, line in
            sawEvents = true
            let event: Event
            do { event = try decoder.decode(Event.self, from: json) } catch {
                summary.recordsRead += 1
                sink.reject(Rejection(file: context.displayPath, line: line, reason: "not a Rasa event object (\(DecodingProblem.describe(error)))"))
                return
            }
            guard let kind = event.event else {
                summary.recordsRead += 1
                sink.reject(Rejection(file: context.displayPath, line: line, reason: "not a Rasa event object (no event)"))
                return
            }
            switch kind {
            case "user":
                summary.recordsRead += 1
                if let previous = current { finish(previous) }
                guard let timestamp = event.timestamp, timestamp.isFinite else {
                    current = nil
                    sink.reject(Rejection(file: context.displayPath, line: line, reason: "user event without a timestamp"))
                    return
                }
                var intent = event.parse_data?.intent?.name ?? options.fallbackIntents.first ?? "nlu_fallback"
                if event.text?.typed == true, !Self.isIdentifier(intent) { intent = Self.typedCommand }
                current = Inquiry(
                    intent: intent,
                    confidence: event.parse_data?.intent?.confidence ?? 0, at: Date(timeIntervalSince1970: timestamp), line: line,
                    key: "rasa\u{0}\(event.message_id ?? "")\u{0}\(timestamp.bitPattern)")
            case "action", "bot":
                if let name = event.name, options.handoffNames.contains(name) { current?.handedOff = true }
            default:
                break
            }
        }
        if let last = current { finish(last, mayChange: !last.handedOff) }
        guard sawEvents else {
            throw FormatMismatch(path: context.displayPath, format: formatID, reason: "no events[] array: not a Rasa tracker")
        }
        if !end.complete {
            // The cut-off event is a record read and rejected, so that accepted = read − rejected still holds.
            summary.recordsRead += 1
            sink.reject(Rejection(file: context.displayPath, line: end.cutLine, reason: "the tracker JSON is cut off; the events before the cut were counted"))
        }
        return summary
    }
}
