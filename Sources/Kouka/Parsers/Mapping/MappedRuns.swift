import Foundation

/// How a mapped format (rpa-csv, ai-ocr-csv, minutes-session-csv, chatbot-csv, translation-usage) counts a
/// run once when exports overlap.
///
/// With a `run_id` column mapped, a run is its task and its id: a row whose run an earlier row of the file
/// or another file of the format already counts is rejected as a repeat, the run-once rule of WinActor and
/// flowsession. Without one, nothing tells two runs apart for certain: each row's task, start and status
/// are kept instead, so that the nightly job can flag rows identical to another file's (still counted).
struct MappedRuns {
    private var admission: RunAdmission?
    private let rowKeys: RunKeyLog?
    private let idColumn: String
    private let clock: LocalClock
    /// The instants a run can be counted at: a row outside it is rejected, and its day is no edge of the file's days.
    private let window: EventWindow

    /// Whether a source keeps row keys (no `run_id` mapped) rather than run ids.
    static func keepsRowKeys(_ options: SourceOptions) -> Bool { options.columns["run_id"] == nil }

    /// Runs `pass` over the file once (twice when a run id's hash repeats, see `RunCountingRead`), then hands
    /// the sink the run ids or row keys it met.
    static func read(
        options: SourceOptions, context: ParseContext, sink: any ParseSink, pass: (any ParseSink, inout MappedRuns) throws -> ParseSummary
    ) throws -> ParseSummary {
        if let column = options.columns["run_id"] {
            return try RunCountingRead.read(context: context, sink: sink) { part, admission in
                var runs = MappedRuns(admission: admission, rowKeys: nil, idColumn: column, clock: context.clock,
                                      window: EventWindow(clock: context.clock, now: context.now))
                defer { admission = runs.admission! }
                return try pass(part, &runs)
            }
        }
        var runs = MappedRuns(admission: nil, rowKeys: RunKeyLog(), idColumn: "", clock: context.clock,
                              window: EventWindow(clock: context.clock, now: context.now))
        let summary = try pass(sink, &runs)
        sink.counted(runs: RunKeySet(logs: [runs.rowKeys!]))
        return summary
    }

    /// Whether runs are known by a mapped `run_id` (else by their row keys).
    var countsRunIDs: Bool { admission != nil }

    /// The run's key: the task is part of it, as two systems exported under one format may both number their runs 1, 2, 3….
    static func key(_ event: UsageEvent, runID: String) -> String { "run\u{0}\(event.taskName)\u{0}\(runID)" }

    static func hash(_ event: UsageEvent, runID: String) -> UInt64 { RunKeyHash.of(key(event, runID: runID)) }

    /// Counts `event`, read from `line` with run id `runID` ("" when none), once: throws when an earlier row
    /// of the file or another file already counts its run. An empty run id is always counted: nothing shows
    /// it is a repeat.
    /// Hands `event`, read from line `line` with run id `runID`, to `sink` once admitted; a run counted unfinished with an id
    /// is kept as counted before its end (`ParseSink.countedIfUnfinished`), to be given up should its file be deleted and a
    /// later one hold it ended. Every mapped row, from a CSV (`MappedRow.accept`) or a JSON line, comes through here.
    mutating func accept(_ event: UsageEvent, runID: String, line: Int, into sink: any ParseSink) throws(RowProblem) {
        try admit(event, runID: runID, line: line)
        sink.accept(event)
        if event.outcome == .unfinished, !runID.isEmpty, countsRunIDs { sink.countedIfUnfinished(event, hash: Self.hash(event, runID: runID), line: line) }
    }

    /// Keeps `event`, a run still running read from `line` as it would count were it unfinished now, with its run id: not
    /// counted (`ParseSink.waiting`). Without a run id nothing could tell it from the same run ended in a later file.
    func keepWaiting(_ event: UsageEvent, runID: String, line: Int, into sink: any ParseSink) {
        guard countsRunIDs, !runID.isEmpty else { return }
        sink.waiting(event, hash: Self.hash(event, runID: runID), line: line)
    }

    mutating func admit(_ event: UsageEvent, runID: String, line: Int) throws(RowProblem) {
        guard admission != nil else {
            rowKeys!.add(RunKeyHash.of("row\u{0}\(event.taskName)\u{0}\(event.occurredAt.timeIntervalSince1970)\u{0}\(event.outcome.rawValue)"))
            return
        }
        guard !runID.isEmpty else { return }
        do throws(RunAdmission.Refusal) {
            // A mapped row's time is the export's, which another export of the run may give a day apart: its day is kept.
            // One the window rejects (an empty Excel date, a year mistyped) is on no day the file counts: kept, it would stand
            // for the file's edge, and the run on its real edge would be compared with no file (helper-79's
            // edge_lost_by_out_of_window_row.sh).
            try admission!.admit(Self.key(event, runID: runID), line: line, unfinished: event.outcome == .unfinished,
                                 day: window.admits(event.occurredAt) ? clock.localDate(of: event.occurredAt) : nil)
        } catch {
            throw RowProblem(error, idColumn: idColumn, day: clock.localDate(of: event.occurredAt), event: event, unfinished: event.outcome == .unfinished)
        }
    }
}

extension MappedRow {
    /// Hands `event`, read from this row, to `sink` once its run is admitted by `runs`.
    func accept(_ event: UsageEvent, into sink: any ParseSink, runs: inout MappedRuns) throws(RowProblem) {
        try runs.accept(event, runID: try text("run_id"), line: row.record.line, into: sink)
    }
}
