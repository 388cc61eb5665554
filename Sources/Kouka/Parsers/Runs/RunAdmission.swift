/// Decides, row by row, whether a run id is counted: the same run exported twice, or already counted from
/// another file, is counted once. One per reader of a file.
///
/// A first reading counts every id and only logs its hash. When the log shows a hash more than once, the
/// file is read again with those hashes as suspects: then ids are compared in full, so two different ids
/// that share a hash are both counted. The earlier row of a run counts, unless it counted the run unfinished
/// and a later row gives its end (exports appended one to another): that reading finds such runs
/// (`endedLater`), and a third, given them (`preferEnded`), counts each at the row that gives its end.
struct RunAdmission {
    /// Why a row's run is not counted.
    enum Refusal: Error {
        case repeatsEarlierRow(line: Int)
        /// `hash`: the run id's, for the file to keep what it would have counted (`LeftOutRun`).
        case countedIn(file: String, hash: UInt64)
        case endsOnLaterRow(line: Int)
    }

    let log: RunKeyLog
    private let suspects: Set<UInt64>
    private let countedElsewhere: [UInt64: String]
    /// The ids whose unfinished records give way to the first record that ends the run: which of the id's records that is
    /// (counted from 0; records of a compact JSON file share a line), and its line.
    private let preferEnded: [[UInt8]: EndingRecord]
    private var suspectIDs: [[UInt8]: (line: Int, unfinished: Bool)] = [:]
    /// How many records of each suspect id were met.
    private var met: [[UInt8]: Int] = [:]
    /// The runs whose counted record is unfinished and a later one gives their end: that record.
    private(set) var endedLater: [[UInt8]: EndingRecord] = [:]

    /// The record of a run that gives its end, after records that did not.
    struct EndingRecord: Equatable {
        var occurrence: Int
        var line: Int
    }

    init(suspects: Set<UInt64>, countedElsewhere: [UInt64: String], preferEnded: [[UInt8]: EndingRecord] = [:], chunkLimit: Int = RunKeyLog.chunkLimit) {
        log = RunKeyLog(chunkLimit: chunkLimit)
        self.suspects = suspects
        self.countedElsewhere = countedElsewhere
        self.preferEnded = preferEnded
    }

    /// Admits the run with id `bytes` on `line`, or says why it is not counted. An empty id is always
    /// counted: nothing shows it is a repeat. `unfinished`: the run is counted without an end (`Outcome.unfinished`);
    /// `unanswered`: besides, it is a chatbot's question that no answer followed yet (`RunKeyLog.add`).
    mutating func admit(_ bytes: UnsafeRawBufferPointer, line: Int, unfinished: Bool = false, unanswered: Bool = false, day: LocalDate? = nil) throws(Refusal) {
        guard !bytes.isEmpty else { return }
        let hash = RunKeyHash.of(bytes)
        // Both are empty on a first reading of a file nothing else overlaps, and hashing a key for an empty
        // table would still cost on every row.
        if !countedElsewhere.isEmpty, let file = countedElsewhere[hash] { throw .countedIn(file: file, hash: hash) }
        if !suspects.isEmpty, suspects.contains(hash) {
            let id = Array(bytes)
            let occurrence = met[id, default: 0]
            met[id] = occurrence + 1
            if let ended = preferEnded[id] {
                if occurrence < ended.occurrence { throw .endsOnLaterRow(line: ended.line) }
                if occurrence > ended.occurrence { throw .repeatsEarlierRow(line: ended.line) }
            } else if let first = suspectIDs[id] {
                if first.unfinished, !unfinished, endedLater[id] == nil { endedLater[id] = EndingRecord(occurrence: occurrence, line: line) }
                throw .repeatsEarlierRow(line: first.line)
            } else {
                suspectIDs[id] = (line, unfinished)
            }
        }
        log.add(hash, unfinished: unfinished, unanswered: unanswered, day: day)
    }

    /// `day`: the day the run counts on, kept for the runs of a file's first and last days (`RunDayEdges`).
    mutating func admit(_ text: String, line: Int, unfinished: Bool = false, unanswered: Bool = false, day: LocalDate? = nil) throws(Refusal) {
        var copy = text
        let refusal: Refusal? = copy.withUTF8 { buffer in
            do throws(Refusal) {
                try admit(UnsafeRawBufferPointer(buffer), line: line, unfinished: unfinished, unanswered: unanswered, day: day)
                return nil
            } catch {
                return error
            }
        }
        if let refusal { throw refusal }
    }
}

extension RunAdmission {
    /// Admits the run `event` was read as, its id `id` in column `idColumn` on `line`: a run counted without an end is
    /// marked so, and so is one whose outcome a later copy of the log may still change (`open`: a chatbot's last
    /// question in an export, whose answer or hand-off may come after it), so that the copy holding what came next counts
    /// it. `awaitingAnswer`: besides, no answer followed the open question yet (a Bot Framework reply may come in a later
    /// export; a Rasa question is answered or not by its own intent): it gives way to a copy holding it answered, still
    /// last or not, where an answered one gives way only to a copy holding what followed the answer.
    /// A refusal becomes the row's problem, dated on the day the run started.
    mutating func admit(_ event: UsageEvent, id: String, idColumn: String, line: Int, clock: LocalClock, open: Bool = false,
                        awaitingAnswer: Bool = false) throws(RowProblem) {
        do throws(Refusal) {
            try admit(id, line: line, unfinished: event.outcome == .unfinished || open, unanswered: open && awaitingAnswer)
        } catch {
            throw RowProblem(error, idColumn: idColumn, day: clock.localDate(of: event.occurredAt), event: event,
                             unfinished: event.outcome == .unfinished || open, unanswered: open && awaitingAnswer)
        }
    }
}

extension RunAdmission {
    /// Admits `event` (`admit(_:id:idColumn:line:clock:open:awaitingAnswer:)`) and hands it to `sink`. A run counted
    /// without an end is handed on with its id too: the file keeps its rollup, to give the run up should it be deleted
    /// and a later export hold the run ended (`RunRollup`).
    mutating func count(_ event: UsageEvent, id: String, idColumn: String, line: Int, clock: LocalClock, into sink: any ParseSink) throws(RowProblem) {
        try admit(event, id: id, idColumn: idColumn, line: line, clock: clock)
        sink.accept(event)
        // The outcome first: hashing the id again for every run would cost on each row.
        if event.outcome == .unfinished, !id.isEmpty { sink.countedIfUnfinished(event, hash: RunKeyHash.of(id), line: line) }
    }
}

extension RunAdmission {
    /// The part of a repeated run's reason that names the file counting it: what finds the files that left runs out for
    /// a file (`KoukaStore.filesLeavingRunsOut`).
    static func countedInText(_ file: String) -> String { "another file: \(file), the same run, counted once" }
}

extension RunAdmission.Refusal {
    /// The rejection reason for a row, naming the id column.
    func reason(idColumn: String) -> String {
        switch self {
        case let .repeatsEarlierRow(line): "\(idColumn) repeats an earlier row: line \(line), the same run, counted once"
        case let .countedIn(file, _): "\(idColumn) is already counted in \(RunAdmission.countedInText(file))"
        case let .endsOnLaterRow(line): "\(idColumn) is the same run as line \(line), which gives its end: counted once, there"
        }
    }
}
