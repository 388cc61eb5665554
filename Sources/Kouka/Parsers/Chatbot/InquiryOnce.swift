
/// Counts each inquiry of a chatbot's own log once when its files overlap: a Rasa conversation exported again with
/// its later turns, a Bot Framework transcript saved twice. An inquiry is known by its conversation or message id
/// and the time of the question, kept only as a hash (an id may name a citizen's channel), never as text.
enum InquiryOnce {
    /// Hands `event`, the inquiry read from `line` and known by `key`, to `sink` unless this file (an earlier line) or
    /// another file already counts it; then it is rejected as a repeat, naming where it counts. `keyName` says what
    /// the key is made of, for that message.
    ///
    /// `mayChange`: the question is its conversation's last in this file and was not handed to a person, so a later
    /// export may add the hand-off that makes it unanswered. The inquiry is then logged as one a later copy may end
    /// (`RunAdmission.admit(_:id:idColumn:line:clock:open:)`): a copy in which it was handed off or followed by the next
    /// question takes it over (`SourceIngestor.takeOver`) and this file is read again without it, so the inquiry counts
    /// as it went on to end, whichever copy was read first. `awaitingAnswer`: besides, no answer followed it yet in this
    /// file, and one may in a later export: a copy holding it answered, even if still last, takes it over too.
    static func accept(
        _ event: UsageEvent, key: String, keyName: String, line: Int, mayChange: Bool, awaitingAnswer: Bool = false,
        into sink: any ParseSink, admission: inout RunAdmission, context: ParseContext
    ) {
        do throws(RowProblem) {
            try admission.admit(event, id: key, idColumn: keyName, line: line, clock: context.clock, open: mayChange, awaitingAnswer: awaitingAnswer)
            sink.accept(event)
            if mayChange, !key.isEmpty {
                sink.counted(openRun: LeftOutRun(hash: RunKeyHash.of(key), unfinished: true, unanswered: awaitingAnswer, event: event), line: line)
            }
        } catch {
            sink.reject(error.rejection(file: context.displayPath, line: line))
        }
    }
}
