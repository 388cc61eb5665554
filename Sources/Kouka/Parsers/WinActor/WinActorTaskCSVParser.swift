import Foundation

/// Reads WinActor Manager on Cloud's task history export (`GET /tasks/csv`): MS932 by default, CRLF,
/// one row per task run. The scenario name (シナリオ名) is the name the catalog maps.
///
/// 状態: FINISH is a success; ERROR and HALT failures; CANCEL cancelled; WAITING, PROCESSING and
/// CANCELING have not finished and are read again on a later night, until they are older than the allowed
/// age: then they are `unfinished` (counted as failures, and said so). Such a row with no time at all is
/// rejected. A task that never started (a cancelled one, or one still waiting past the allowed age) is dated by
/// its 実行予定日時, or its 生成日時.
package struct WinActorTaskCSVParser: LogParser {
    package let formatID = "winactor-task-csv"
    /// A task counted unfinished before it started is dated by its schedule, and by its 開始日時 once a later export
    /// holds it run: another day, maybe.
    package var redatesEndedRuns: Bool { true }

    /// Exports at least this large are read in two halves at once; tests make it small.
    var splitBytes = CSVRunTable.defaultSplitBytes
    /// Run-id hashes held in memory per half before they are spilled to a temporary file.
    var runChunkLimit = RunKeyLog.chunkLimit

    package init() {}

    /// Reads exports of at least `splitBytes` in two parts at once; the fuzz targets make every input one.
    package init(splitBytes: Int64) {
        self.splitBytes = splitBytes
    }

    static let scenario = "シナリオ名", state = "状態", started = "開始日時", ended = "終了日時"
    static let seconds = "実行時間（秒）", created = "生成日時", scheduled = "実行予定日時", taskID = "タスクID"

    package func digestsWhileReading(path: String) -> Bool { true }

    package func parse(path: String, context: ParseContext, into sink: any ParseSink) throws -> ParseSummary {
        try CSVRunTable.read(path: path, context: context, format: formatID, required: [Self.taskID, Self.scenario, Self.state, Self.started],
                             wanted: [Self.taskID, Self.scenario, Self.state, Self.started, Self.ended, Self.seconds, Self.created, Self.scheduled],
                             sink: sink, splitBytes: splitBytes, chunkLimit: runChunkLimit,
                             rowDay: { [clock = context.clock] in Self.startDay(of: $0, clock: clock) }) { rowReader(header: $0, context: $1) }
    }

    /// The states of a task that has not finished: read again on a later night until the allowed age.
    static let notFinishedStates: Set<String> = ["WAITING", "PROCESSING", "CANCELING"]

    /// The day a rejected row's task started, as the row reader reads it: 開始日時, or for a task that never
    /// started (cancelled, or not finished) its 実行予定日時 or 生成日時; nil when the row gives none readably.
    static func startDay(of row: CSVRow, clock: LocalClock) -> LocalDate? {
        func text(_ name: String) -> String { row.textForDating(row.header.column(name)) }
        var when = text(started)
        if when.isEmpty, text(state) == "CANCEL" || notFinishedStates.contains(text(state)) {
            when = [text(scheduled), text(created)].first { !$0.isEmpty } ?? ""
        }
        return Timestamp(when).map { clock.localDate(of: $0.instant(in: clock)) }
    }

    /// The reading of one row, with its own name cache: each half of a file read on two cores has one.
    private func rowReader(header h: CSVHeader, context: ParseContext) -> CSVRunTable.RowBody {
        let c = (scenario: h.column(Self.scenario)!, state: h.column(Self.state)!, started: h.column(Self.started)!, ended: h.column(Self.ended),
                 seconds: h.column(Self.seconds), created: h.column(Self.created), scheduled: h.column(Self.scheduled), taskID: h.column(Self.taskID)!)
        let interner = NameInterner()
        // A row's run from its outcome on: counted, or kept as waiting (`waiting`).
        func count(_ row: CSVRow, outcome: Outcome, waiting: Bool, sink: any ParseSink, runs: inout RunAdmission) throws(RowProblem) {
            let record = row.record
            let nameBytes = ASCIIField.trimmed(record.bytes(at: c.scenario))
            guard !nameBytes.isEmpty else { throw RowProblem("column \(Self.scenario) is empty") }
            guard let name = interner.string(nameBytes, encoding: record.encoding) else {
                throw RowProblem("column \(Self.scenario) is not valid \(record.encoding.rawValue) text")
            }
            let start: Date
            // Whether `start` is when the run began, not a cancelled task's schedule, so its end can be checked against it.
            var startedAtStart = true
            var datedBySchedule = false
            if let stamp = Timestamp(bytes: ASCIIField.trimmed(record.bytes(at: c.started))) {
                start = stamp.instant(in: context.clock)
            } else {
                // A task cancelled before it started has no start time; it still happened on its scheduled day. So did
                // one still waiting past the allowed age: rejected as undated, it cost no rework where one that
                // started and stuck did.
                var when = try row.text(c.started)
                var column = Self.started
                for fallback in [c.scheduled, c.created] where when.isEmpty && (outcome == .cancelled || outcome == .unfinished) {
                    if let fallback {
                        when = try row.text(fallback); column = row.header.names[fallback]
                        // By the column found, not its spelling: a header's own spelling may carry a space (helper-151 #9).
                        datedBySchedule = fallback == c.scheduled
                    }
                }
                guard !when.isEmpty else { throw RowProblem("column \(Self.started) is empty") }
                start = try CSVTable.timestamp(when, column: column).instant(in: context.clock)
                startedAtStart = column == Self.started
            }
            var machine: Double? = nil
            if let secondsColumn = c.seconds {
                let bytes = ASCIIField.trimmed(record.bytes(at: secondsColumn))
                if let value = ASCIIField.number(bytes), value <= CSVRow.largestPlausible { machine = value } else if !bytes.isEmpty { machine = try row.number(secondsColumn) }
            }
            if let endColumn = c.ended, startedAtStart {
                // The end is read on every row, even when 実行時間（秒） gives the duration: a run that ends before it
                // starts is a broken row whichever column would be counted. An unreadable end matters only when
                // it is the one source of the duration.
                var end = Timestamp(bytes: ASCIIField.trimmed(record.bytes(at: endColumn)))
                if end == nil, machine == nil, case let endText = try row.text(endColumn), !endText.isEmpty {
                    end = try CSVTable.timestamp(endText, column: Self.ended)
                }
                if let end {
                    let span = try RunSpan.seconds(from: start, to: end.instant(in: context.clock), startColumn: Self.started, endColumn: Self.ended)
                    if machine == nil { machine = span }
                }
            }
            var event = UsageEvent(family: .rpa, occurredAt: start, taskName: name, outcome: outcome, quantity: 1,
                                   unit: .runs, machineSeconds: machine, source: context.location(row.record.line))
            // Only a schedule is a booking: a creation time ahead is a clock out of time (helper-148 #8).
            event.cancelledBeforeItsDay = outcome == .cancelled && datedBySchedule
            // The same task in an export twice (an export appended to another) is one run.
            let id = ASCIIField.trimmed(record.bytes(at: c.taskID))
            if waiting { return id.isEmpty ? () : sink.waiting(event, hash: RunKeyHash.of(id), line: record.line) }
            do throws(RunAdmission.Refusal) {
                try runs.admit(id, line: record.line, unfinished: outcome == .unfinished)
            } catch {
                throw RowProblem(error, idColumn: Self.taskID, day: context.clock.localDate(of: start), event: event, unfinished: outcome == .unfinished)
            }
            sink.accept(event)
            if outcome == .unfinished, !id.isEmpty { sink.countedIfUnfinished(event, hash: RunKeyHash.of(id), line: record.line) }
        }
        return { row, sink, summary, runs throws(RowProblem) in
            let record = row.record
            let stateBytes = ASCIIField.trimmed(record.bytes(at: c.state))
            let outcome: Outcome
            // Still running and younger than the allowed age: not counted, but kept as the run it would be were it unfinished.
            var waiting = false
            if ASCIIField.equals(stateBytes, "FINISH") {
                outcome = .success
            } else if ASCIIField.equals(stateBytes, "ERROR") || ASCIIField.equals(stateBytes, "HALT") {
                outcome = .failure
            } else if ASCIIField.equals(stateBytes, "CANCEL") {
                outcome = .cancelled
            } else if ASCIIField.equals(stateBytes, "WAITING") || ASCIIField.equals(stateBytes, "PROCESSING") || ASCIIField.equals(stateBytes, "CANCELING") {
                // Still running, unless it has been so for longer than the allowed age: then it never finished.
                // A row with no time at all could wait for ever unseen: it is rejected instead.
                var column: Int? = nil
                for candidate in [c.started, c.scheduled, c.created] {
                    if column == nil, let candidate, !(try row.text(candidate)).isEmpty { column = candidate }
                }
                guard let column else {
                    let state = try row.text(c.state)
                    throw RowProblem("状態 is \(state) but \(Self.started), \(Self.scheduled) and \(Self.created) are all empty: Kouka cannot tell how long it has been waiting; export the task again once it has a time")
                }
                let since = try CSVTable.timestamp(try row.text(column), column: row.header.names[column]).instant(in: context.clock)
                waiting = context.now.timeIntervalSince(since) <= context.pendingMaxAge
                if waiting { summary.pendingRuns += 1 }
                outcome = .unfinished
            } else {
                let other = try row.required(c.state)
                throw RowProblem("状態 \(other.prefix(20)) is not a WinActor task state (FINISH, ERROR, HALT, CANCEL, WAITING, PROCESSING, CANCELING)")
            }
            do throws(RowProblem) {
                try count(row, outcome: outcome, waiting: waiting, sink: sink, runs: &runs)
            } catch {
                // A run still running is not counted: its fields are judged once it ends (or is past the allowed age).
                if !waiting { throw error }
            }
        }
    }
}
