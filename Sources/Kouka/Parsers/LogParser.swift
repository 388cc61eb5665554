import Foundation

/// One log format. Adding a vendor is adding one type that conforms to this and one test.
public protocol LogParser: Sendable {
    /// The identifier the configuration's `format` key uses, e.g. `uipath-execution-log`.
    var formatID: String { get }

    /// Streams `path` into `sink`: events for what ran, rejections for records that cannot be read, each in
    /// file order, and the counts of the reading.
    ///
    /// Throws ``FormatMismatch`` when the file is not this format at all: the file is then rejected whole and
    /// nothing of it counts, whatever was handed to `sink` before. The built-in parsers throw `InputError` or
    /// `CSVError` (internal) when the file cannot be read; any other error stops the whole ingest or
    /// measurement and is thrown on to its caller.
    func parse(path: String, context: ParseContext, into sink: any ParseSink) throws -> ParseSummary

    /// Whether `parse` hands every byte of `path`, in order, to the context's `digest`; the caller then need
    /// not read the file again to hash it. False unless a format says otherwise.
    func digestsWhileReading(path: String) -> Bool

    /// Whether the keys `parse` hands `counted(runs:)` stand for rows (a task, start and status), not for
    /// run ids: rows of another file with the same key are flagged, and still counted, rather than left out
    /// as repeats. False unless a format says otherwise.
    var logsRowKeys: Bool { get }
    /// With `logsRowKeys`, whether each row is one run of a robot, which runs one task at a time: two rows of one file
    /// with the same key are then most likely one run exported twice, and are flagged (still counted). A row of an AI
    /// tool's log is a use, and two uses in one second are ordinary. False unless a format says otherwise.
    var rowKeysAreRobotRuns: Bool { get }
    /// Whether a run it counts unfinished may be dated otherwise once it has ended (an Orchestrator job pending is
    /// dated by its CreationTime, once run by its StartTime): a file holding such runs is compared with the files of
    /// the format whatever their days.
    var redatesEndedRuns: Bool { get }
    /// Whether a run it counts before its end keeps its day in the file that gives its end (a chatbot question, dated by
    /// its own time in every export): its files are compared only with the files whose days overlap theirs, not also
    /// with every file of the format that counts a run unfinished, which for a chatbot's many small exports, each with
    /// its last question open, would compare each file with all before it.
    var keepsTheDayOfOpenRuns: Bool { get }
    /// The names it gives uses it could not put under any task (a chatbot's fallback intent, a question it did not
    /// understand): counted as failures and in the tool review, but no catalog row is missing for them, so the nightly run
    /// does not list them as unmapped names to look at.
    var unclassifiedNames: Set<String> { get }
    /// Whether its files are a robot's logs of successive days, named by their date in one folder, whose run ids
    /// each name one run across all of them: a file is also compared with the folder's logs named just before and
    /// after it, whatever the days of their runs, so that an id counted in both is left out of the later one read,
    /// whichever arrived first.
    var runIdsSpanDatedLogs: Bool { get }
    /// Whether its rows give a run's time as an export (or a person) gave it, so that two exports may date one run a day or
    /// more apart (a column mapping's formats): of two files holding a run, the one recorded first keeps it, whichever
    /// counted it since. False unless a format says otherwise.
    var datesRunsAsExported: Bool { get }
    /// The day a file at `path` is read as of by its name when its bytes may name none (a usage snapshot saved as
    /// `usage_2025-03-31.json`): two files with the same bytes named by other days are two days' records, not a file and
    /// its copy. Nil unless a format says otherwise.
    func dayNamed(by path: String) -> LocalDate?
    /// Whether its files hold running totals of billing periods (DeepL's usage answers), whose reading again may no longer
    /// hold a period it counted (`SourceIngestor.settlePeriodsLost`). False unless a format says otherwise.
    var holdsRunningTotals: Bool { get }
}

extension LogParser {
    /// False: the caller hashes the file itself.
    public func digestsWhileReading(path: String) -> Bool { false }
    /// False: the keys a parser hands over, if any, are run ids.
    public var logsRowKeys: Bool { false }
    public var rowKeysAreRobotRuns: Bool { false }
    public var redatesEndedRuns: Bool { false }
    public var keepsTheDayOfOpenRuns: Bool { false }
    public var unclassifiedNames: Set<String> { [] }
    public var runIdsSpanDatedLogs: Bool { false }
    public var datesRunsAsExported: Bool { false }
    /// Nil: a file's bytes alone say what it holds, and the same bytes at two paths are a file and its copy.
    public func dayNamed(by path: String) -> LocalDate? { nil }
    /// False: a file's records are runs and uses, no running totals.
    public var holdsRunningTotals: Bool { false }
}

/// What a parser hands its results to: an event for each run or use it read, a rejection for each record
/// it could not read.
public protocol ParseSink: AnyObject {
    /// Takes one run or use read from the file.
    func accept(_ event: UsageEvent)
    /// Takes one record that could not be read, with its line and why.
    func reject(_ rejection: Rejection)
}

/// A sink that also keeps the run ids of the runs counted from a file, to find the same run in another file.
package protocol RunKeySink: ParseSink {
    /// The run ids of the runs counted from the file, for formats that have them; called once, after every event.
    func keep(countedRuns runs: RunKeySet)
    /// Keeps, of a run counted before its end (a chatbot's last question in its export), its id hash, marks and event:
    /// what the file gives up should it be deleted and a later export hold the run further on (`RunRollup`).
    func keep(openRun run: LeftOutRun, line: Int)
    /// Keeps, of a run still running (a pending run: not counted yet), its id hash and the event it would count as were it
    /// unfinished now: what the file counts should it be deleted, or saved over, before the run ends (`RunRollup`).
    func keep(waitingRun run: LeftOutRun, line: Int)
}

extension RunKeySink {
    package func keep(openRun run: LeftOutRun, line: Int) {}
    package func keep(waitingRun run: LeftOutRun, line: Int) {}
}

extension ParseSink {
    /// Hands `runs` on when this sink keeps run ids; a sink that does not (a client's own) has no use for them.
    package func counted(runs: RunKeySet) { (self as? any RunKeySink)?.keep(countedRuns: runs) }
    /// Hands on a run counted before its end (`RunKeySink.keep(openRun:line:)`) when this sink keeps run ids.
    package func counted(openRun run: LeftOutRun, line: Int) { (self as? any RunKeySink)?.keep(openRun: run, line: line) }

    /// Hands on `event`, counted from `line` under run-id hash `hash`, when it is a run without an end: the file keeps its
    /// rollup, to give the run up should it be deleted and a later export hold the run ended (`RunRollup`).
    package func countedIfUnfinished(_ event: UsageEvent, hash: UInt64, line: Int) {
        guard event.outcome == .unfinished else { return }
        counted(openRun: LeftOutRun(hash: hash, unfinished: true, unanswered: false, event: event), line: line)
    }

    /// Hands on a run still running on `line` under run-id hash `hash` (a pending run, not counted), as `event` would count
    /// were it unfinished now, when this sink keeps run ids: a file deleted before the run ends counts it as unfinished once
    /// it is past `pending_max_hours`, unless a file Kouka reads holds it (`SourceIngestor.settleWaitingRuns`).
    package func waiting(_ event: UsageEvent, hash: UInt64, line: Int) {
        guard let keeper = self as? any RunKeySink else { return }
        var unfinished = event
        unfinished.outcome = .unfinished
        keeper.keep(waitingRun: LeftOutRun(hash: hash, unfinished: true, unanswered: false, event: unfinished), line: line)
    }

}

/// A sink that can take a file's records in parts, each read on its own thread into its own partition;
/// the partitions are absorbed in file order once all are read.
package protocol PartitionableSink: ParseSink {
    /// An empty sink of the same kind, for one part of the file.
    func makePartition() -> any PartitionableSink
    /// Adds what `partition` received after what this sink has, its line numbers moved on by
    /// `shiftingLinesBy` (a part read from the middle of a file numbers its lines from 1).
    func absorb(_ partition: any PartitionableSink, shiftingLinesBy: Int)
}

/// Facts about the run that a parser needs and cannot know from the file.
public struct ParseContext: Sendable {
    /// The zone in which times without an offset are read and dates are taken.
    public var clock: LocalClock
    /// The path as messages and the ledger should show it.
    public var displayPath: String
    /// The file's text encoding as configured; `.auto` leaves the parser to tell UTF-8 from Shift_JIS.
    public var encoding: TextEncoding
    /// Today's local date: a log dated today may still be written to, so its unfinished runs wait.
    public var today: LocalDate
    /// The time taken as now: an unfinished run younger than ``pendingMaxAge`` waits for its end.
    public var now: Date
    /// How long, in seconds, an unfinished run may wait before it is counted as a failure (``Outcome/unfinished``).
    public var pendingMaxAge: TimeInterval
    /// Runs another file already counts, by the hash of their id: their rows here are rejected.
    package var runsCountedElsewhere: [UInt64: String] = [:]
    /// Files on disk a parser that looks at a robot's logs of other days takes as not there (by path): verification
    /// reads the logs as of the last nightly run, before those files arrived.
    package var absentPaths: Set<String> = []
    /// Takes the file's bytes as they are read, for a parser whose `digestsWhileReading(path:)` is true. It
    /// may be left with part of the file (a reading that stopped early): the caller reads the rest.
    package var digest: (any ByteDigest)?

    /// A context for reading one file; `today` and `now` decide which runs may still be unfinished.
    public init(
        clock: LocalClock, displayPath: String, encoding: TextEncoding = .auto, today: LocalDate, now: Date = Date(),
        pendingMaxAge: TimeInterval = 24 * 3600
    ) {
        self.clock = clock
        self.displayPath = displayPath
        self.encoding = encoding
        self.today = today
        self.now = now
        self.pendingMaxAge = pendingMaxAge
    }

    /// Where line `line` of this file is, for an event or a rejection.
    public func location(_ line: Int) -> SourceLocation { SourceLocation(file: displayPath, line: line) }
}

/// Counts a parser reports for the ledger.
public struct ParseSummary: Sendable, Hashable {
    /// Data records read (lines or CSV rows, not counting a header).
    public var recordsRead = 0
    /// Runs seen that have not finished yet; they are counted once they end.
    public var pendingRuns = 0
    /// What the file holds that is read right but not counted (DeepL Write's characters beside translation's),
    /// for the nightly log: said, so that nobody takes the file's own total for Kouka's.
    public var notes: [String] = []
    /// Runs read whole that were started from a development tool, not run in production (UiPath Studio's test runs): not
    /// counted, neither as a success nor as a failure, and named by the nightly summary (`runsFromStudio`).
    package var studioRuns = 0
    /// The ids of the runs waiting for their end (`pendingRuns`), by hash, where the parser keeps them: a reading
    /// on from where the last stopped whose waiting run the part read before counted is read whole instead.
    package var pendingRunKeys: [UInt64] = []
    /// Runs whose lines are in the robot's log of the day before (`file`) and that end in this one or a later one: the
    /// log of their start counts them, the day before's or one before it (`earlier`). One that counted a run unfinished,
    /// read before the log of its end was there, is read again.
    package var endsOfRunsStartedBefore: SharedRuns?
    /// Runs that started in this file and go on into the robot's logs of the days after, one per log (`file`): this file
    /// counts them. Such a log, read before this one was there, may count them: it is read again without them.
    package var runsGoingOnAfter: [SharedRuns] = []
    /// Runs this file rejects (a line of theirs it could not read) that end in it, with each of the robot's later logs (`file`):
    /// lines copied from this file into one are no run of their own. Such a log, read before this one was there, may count
    /// them as one: it is read again, with this one there, which rejects them.
    package var rejectedRunsGoingOnAfter: [SharedRuns] = []
    /// The day the file's records were dated by, when its name holds no date and its modification time gave it (a
    /// transcript, a DeepL snapshot): a file copied onto the share days later is dated then, which the summary names.
    package var datedByModificationTime: LocalDate?

    /// A summary of one reading.
    public init(recordsRead: Int = 0, pendingRuns: Int = 0, notes: [String] = []) {
        self.recordsRead = recordsRead
        self.pendingRuns = pendingRuns
        self.notes = notes
    }
}

/// Where reading an appended file goes on: the end of the last complete record, the next line's number,
/// and the parser's own state there (its unfinished runs) as text.
package struct ResumePoint: Sendable, Hashable {
    package var offset: Int64
    package var line: Int
    package var state: String

    package init(offset: Int64, line: Int, state: String) {
        self.offset = offset
        self.line = line
        self.state = state
    }
}

/// A format whose files grow by appending (a robot's log for the day) and can be read on from where the
/// last run stopped.
package protocol ResumableLogParser: LogParser {
    /// Reads `path` from `resume` (from the start when nil) and says where the next read starts.
    func parse(path: String, context: ParseContext, resumingFrom resume: ResumePoint?, into sink: any ParseSink) throws -> (ParseSummary, ResumePoint)
    /// Whether `state`, as a reading saved it in ``ResumePoint/state``, can be read on from: a run that cannot
    /// restore it reads the file whole instead.
    func canResume(fromSavedState state: String) -> Bool
}

/// The file is not the format it was configured as; it is rejected whole and nothing of it counts.
public struct FormatMismatch: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file, as ``ParseContext/displayPath`` names it.
    public var path: String
    /// The format the file was configured as: the parser's ``LogParser/formatID``.
    public var format: String
    /// What shows it is not that format, such as a missing column; never the file's text.
    public var reason: String

    /// A mismatch of the file at `path` with `format`.
    public init(path: String, format: String, reason: String) {
        self.path = path
        self.format = format
        self.reason = reason
    }

    /// The message the nightly summary and the jobs' log show, saying what to check.
    public var description: String {
        // An empty file is a download or copy that failed far more often than a format mistaken (helper-194 #3).
        reason.hasPrefix("the file is empty")
            ? "\(path): \(reason); nothing of it was counted — get the file again from the tool (a download or copy that failed), or remove it"
            : "\(path): not a \(format) file (\(reason)); nothing of it was counted — check the source's format in the configuration"
    }
}
