import Foundation

/// Reads a Microsoft Bot Framework `.transcript`: a JSON array of activities. Each user `message` is an
/// inquiry; it was answered when the bot sent a message before the next question and no hand-off event
/// (`handoff.initiate` by default) came between. Activities carry no intent, so every inquiry is named by
/// the source's `task`. An inquiry is counted once when transcripts overlap (one saved twice): by its
/// `conversation.id` and `timestamp`, see `InquiryOnce`. The text of the activities is never decoded.
package struct BotFrameworkTranscriptParser: LogParser {
    package let formatID = "bot-framework-transcript"
    package let options: SourceOptions
    /// A question is dated by its own time in every export (`InquiryOnce`).
    package var keepsTheDayOfOpenRuns: Bool { true }

    package init(options: SourceOptions) { self.options = options }

    /// The keys of an activity Kouka reads; `text` is deliberately absent.
    struct Activity: Decodable {
        struct Account: Decodable { var role: String? }
        struct Conversation: Decodable { var id: String? }
        var type: String?
        var name: String?
        var timestamp: String?
        var from: Account?
        var conversation: Conversation?
    }

    struct Inquiry {
        var at: Date
        var line: Int
        var answered = false
        var handedOff = false
        /// The conversation's id and the question's timestamp as written: the same in every copy of the transcript.
        var key: String
        /// The lines that delivered the question again.
        var repeats: [Int] = []
    }

    package func parse(path: String, context: ParseContext, into sink: any ParseSink) throws -> ParseSummary {
        try RunCountingRead.read(context: context, sink: sink) { part, admission in
            try parse(path: path, context: context, into: part, admission: &admission)
        }
    }

    private func parse(path: String, context: ParseContext, into sink: any ParseSink, admission: inout RunAdmission) throws -> ParseSummary {
        let decoder = JSONDecoder()
        let name = options.task ?? "チャットボット"
        var summary = ParseSummary()
        var open: [String: Inquiry] = [:]
        var order: [String] = []
        func finish(_ inquiry: Inquiry, mayChange: Bool = false) {
            var event = UsageEvent(
                family: .chatbot, occurredAt: inquiry.at, taskName: name, department: options.department,
                outcome: inquiry.answered && !inquiry.handedOff ? .success : .failure, quantity: 1, unit: .inquiries,
                source: context.location(inquiry.line))
            event.quality = InquiryQuality.measured(answered: inquiry.answered, handedOff: inquiry.handedOff)
            InquiryOnce.accept(event, key: inquiry.key, keyName: "the message's conversation.id and timestamp", line: inquiry.line,
                               mayChange: mayChange, awaitingAnswer: !inquiry.answered, into: sink, admission: &admission, context: context)
            for line in inquiry.repeats {
                // Counted (or left out as another file's) above: each copy is rejected as its repeat, naming where it counts. As
                // open as the question: a copy admitted as ended would give the question's end, and a later export holding its
                // answer or hand-off could no longer take it over (helper-134).
                InquiryOnce.accept(event, key: inquiry.key, keyName: "the message's conversation.id and timestamp", line: line,
                                   mayChange: mayChange, awaitingAnswer: !inquiry.answered, into: sink, admission: &admission, context: context)
            }
        }
        let end = try JSONPathReader(path: path, encoding: context.encoding).read([.init(["*"])]) { _, _, json, line in
            let activity: Activity
            do { activity = try decoder.decode(Activity.self, from: json) } catch {
                summary.recordsRead += 1
                sink.reject(Rejection(file: context.displayPath, line: line,
                                      reason: "not a Bot Framework activity object (\(DecodingProblem.describe(error)))"))
                return
            }
            let conversation = activity.conversation?.id ?? ""
            let role = activity.from?.role?.lowercased()
            switch (activity.type, role) {
            case ("message", "user"):
                summary.recordsRead += 1
                let key = activity.timestamp.map { "botframework\u{0}\(conversation)\u{0}\($0)" }
                // The channel sends a question again when the bot is slow to answer (after 15 s), and the transcript logger
                // writes it twice: the same question, whose answer follows the second. Finished at the second, the first was
                // counted unanswered and the answered one rejected as its repeat (helper-132). It is one question, and the
                // copy is its repeat.
                if let key, open[conversation]?.key == key {
                    open[conversation]?.repeats.append(line)
                    return
                }
                if let previous = open[conversation] { finish(previous) } else { order.append(conversation) }
                guard let key, let text = activity.timestamp, let stamp = Timestamp(text) else {
                    open[conversation] = nil
                    order.removeAll { $0 == conversation }
                    sink.reject(Rejection(file: context.displayPath, line: line, reason: "user message without a valid timestamp"))
                    return
                }
                open[conversation] = Inquiry(at: stamp.instant(in: context.clock), line: line, key: key)
            // A skill is a bot that the root bot hands the turn to: its message is the bot's answer.
            case ("message", "bot"), ("message", "skill"):
                open[conversation]?.answered = true
            case ("message", _):
                // Without its sender's role (a transcript of an older SDK) a message may be a question or an answer: counting
                // it either way would guess the figure, and passing it by would lose a question without a word. The role's value is
                // not quoted: a client may put a citizen's text there (helper-183 #1).
                summary.recordsRead += 1
                sink.reject(Rejection(file: context.displayPath, line: line,
                                      reason: "a message whose from.role is \(role == nil ? "missing" : "another value (withheld: a client may put any text there)"), neither user nor bot: whether it is a question or the bot's answer cannot be told, so its conversation's questions may be counted wrong. Export the transcript with the senders' roles (Bot Framework SDK v4, or the Emulator's transcript)", day: activity.timestamp.flatMap { Timestamp($0) }.map { context.clock.localDate(of: $0.instant(in: context.clock)) }))
            case ("handoff", _):
                open[conversation]?.handedOff = true
            case ("event", _):
                if let name = activity.name, options.handoffNames.contains(name) { open[conversation]?.handedOff = true }
            default:
                break
            }
        }
        for conversation in order { if let inquiry = open[conversation] { finish(inquiry, mayChange: !inquiry.handedOff) } }
        if end.roots == 0 {
            throw FormatMismatch(path: context.displayPath, format: formatID, reason: "empty file: not a transcript")
        }
        if !end.complete {
            // The cut-off activity is a record read and rejected, so that accepted = read − rejected still holds.
            summary.recordsRead += 1
            sink.reject(Rejection(file: context.displayPath, line: end.cutLine, reason: "the transcript JSON is cut off; the activities before the cut were counted"))
        }
        return summary
    }
}
