import Foundation

/// What the lines of one `jobId` say about that run.
struct UiPathRun: Codable {
    let jobID: String
    let processName: String
    let firstLine: Int
    var firstInstant: Date
    /// The latest line's time: a run silent for longer than the allowed age is counted as failed.
    var lastInstant: Date
    var endInstant: Date?
    var totalSeconds: Double?
    var hadDefaultError = false
    /// Whether this file holds the run's "execution started" line (a run whose earlier lines are in the
    /// previous day's log is counted there).
    var startedHere: Bool?
    var successfulTransactions = 0
    var failedTransactions = 0
    /// A line of the run that could not be read (a line cut or garbled in the log) whose prefix does not name a level below
    /// Error: it may have been the `Error` line that failed the run, so the run's outcome cannot be told, and the run is
    /// rejected, not counted as it looks.
    var unreadLine: Int?
    /// The file name of the robot's log of another day that holds `unreadLine`, when it is not the log being read.
    var unreadIn: String?
    /// The earliest day the run's lines in this log say they were written on (their `timeStamp`'s own date, in the robot's
    /// zone), when it is before the day the log's name gives: the robot writes each day's lines to that day's log, so such
    /// lines were copied from an earlier one.
    var writtenBefore: LocalDate?
    /// A line of the run says it was started from UiPath Studio (`UiPathLogLine.startedFromStudio`): a developer's test, not
    /// counted. Optional, so that a state saved before it was kept still reads.
    var fromStudio: Bool?

    /// The queue transactions' lines counted, by the hash of their `transactionID` (`UiPathLogLine.transactionHash`), with
    /// their line (0: of the robot's log of another day); and
    /// the lines that repeated one of them (a line written twice: log files joined, a shipper that sent a line again),
    /// each with the line it repeats. Optional, so that a state saved before they were kept still reads.
    var transactionLines: [UInt64: Int]?
    var repeatedTransactionLines: [[Int]]?

    var hasTransactions: Bool { successfulTransactions + failedTransactions > 0 }

    /// Whether the queue transaction on `line` (its `transactionID`'s `hash`) is counted: not when the run counted the same
    /// transaction on another line, which is then a repeat (helper-88: a line written twice counted its item twice).
    mutating func countTransaction(_ hash: UInt64?, line: Int) -> Bool {
        guard let hash else { return true }
        if let first = transactionLines?[hash] {
            repeatedTransactionLines = (repeatedTransactionLines ?? []) + [[line, first]]
            return false
        }
        transactionLines = transactionLines ?? [:]
        transactionLines![hash] = line
        return true
    }

    /// The run started at its first line or, when the file begins after its start, at its end minus its
    /// total execution time, whichever is earlier.
    var startInstant: Date {
        if let end = endInstant, let total = totalSeconds {
            return min(firstInstant, end.addingTimeInterval(-total))
        }
        return firstInstant
    }
}
