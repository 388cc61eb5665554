import Foundation

/// The robot's logs of other days beside the one being read: a run's lines go on in the next day's log when the robot's
/// log rolls over at midnight, and the log of its start, found by its lines, counts it.
extension UiPathExecutionLogParser {
    /// Reads the lines of `jobs` from the robot's log of another day into `runs`. Lines it cannot parse are
    /// rejected by that file when it is read; one of a run in `runs` (its job id legible in it, or a run open at that
    /// line) also marks the run (`UiPathRun.unreadLine`), which the log counting it then rejects, as it would for a line
    /// of its own. A file that cannot be read stops this one too, as the runs it holds the ends or starts of would be
    /// counted wrong. Returns the runs it found lines of.
    @discardableResult
    /// `today`: a log of a day before it is over, and its last line is read even without a newline, as the log's own reading
    /// reads it (helper-88: a run's end on the next day's last line, never ended with a newline, left the run unfinished).
    static func follow(_ jobs: Set<String>, in path: String, encoding: TextEncoding, clock: LocalClock, today: LocalDate,
                       into runs: inout [String: UiPathRun]) throws -> Set<String> {
        guard !jobs.isEmpty else { return [] }
        var found = Set<String>()
        let reader = try LineReader(path: path, encoding: encoding)
        let names = NameInterner()
        let fileDate = Self.fileDate(path)
        let isClosed = fileDate.map { $0 < today } ?? true
        try reader.forEachLine { line in
            guard line.isTerminated || isClosed, !line.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { return }
            let split = line.isCut ? nil : Self.splitPrefix(line.bytes)
            // A log re-saved as Shift_JIS is decoded first, as the log's own reading does.
            let entry = split.flatMap { split in
                reader.encoding == .shiftJIS
                    ? Data((TextEncoding.shiftJIS.decode(split.json) ?? "").utf8).withUnsafeBytes { UiPathLogLine(json: $0, names: names) }
                    : UiPathLogLine(json: split.json, names: names)
            }
            // A line read whole that names no job is no run's line.
            if let entry, entry.jobId?.isEmpty ?? true { return }
            guard let split, let entry, let jobID = entry.jobId, let processName = entry.processName, !processName.isEmpty,
                  let instant = Self.instant(entry.timeStamp, prefixTime: split.time, fileDate: fileDate, clock: clock) else {
                // The runs followed into this log are open at its first line, and each stays open until its end line here.
                for job in Self.runs(holdingUnreadable: line.bytes, named: entry?.jobId, open: { jobs.filter { runs[$0]?.endInstant == nil } })
                where jobs.contains(job) && runs[job] != nil && runs[job]?.unreadLine == nil {
                    runs[job]?.unreadLine = line.number
                    runs[job]?.unreadIn = URL(fileURLWithPath: path).lastPathComponent
                }
                return
            }
            guard jobs.contains(jobID) else { return }
            Self.apply(entry, jobID: jobID, processName: processName, instant: instant, line: line.number, ownFile: false, to: &runs)
            found.insert(jobID)
        }
        return found
    }

    /// The longest run, in days' logs, followed from the log of its start: a run that goes on longer is counted
    /// unfinished there, and a log that holds its end leaves it to the day before's. No robot run lasts a month; a job id
    /// a log writer repeats every day would otherwise make each log read every later one.
    static let longestRunDays = 31

    /// Follows `jobs`, not ended in the log at `path` of `fileDate`, through the robot's logs of the days after (across
    /// days it wrote none), while each holds lines of a run still not ended. Returns the last day whose log holds lines of each run, and the runs
    /// each later log holds lines of, by that log's display path.
    static func followOn(_ jobs: Set<String>, after path: String, display: String, on fileDate: LocalDate, encoding: TextEncoding,
                         clock: LocalClock, today: LocalDate, absent: Set<String>, into runs: inout [String: UiPathRun]) throws -> (lastDay: [String: LocalDate], files: [String: Set<String>]) {
        var open = jobs
        var lastDay: [String: LocalDate] = [:]
        var files: [String: Set<String>] = [:]
        var day = fileDate
        for _ in 1..<longestRunDays where !open.isEmpty {
            day = day.adding(days: 1)
            // A day the robot wrote no log (a weekend, a job suspended) does not end the run: the next log may hold its end.
            guard let next = sibling(of: path, on: day, absent: absent) else { continue }
            let found = try follow(open, in: next, encoding: encoding, clock: clock, today: today, into: &runs)
            for job in found { lastDay[job] = day }
            if !found.isEmpty, let file = siblingPath(of: display, on: day) { files[file] = found }
            open = found.filter { runs[$0]?.endInstant == nil }
        }
        return (lastDay, files)
    }

    /// The day of the robot's last log before `date` beside the log at `path`, across days it wrote none, as far back as
    /// a run is followed (`longestRunDays`); nil when there is none.
    static func lastLogDay(before date: LocalDate, beside path: String, absent: Set<String>) -> LocalDate? {
        (1..<longestRunDays).lazy.map { date.adding(days: -$0) }.first { sibling(of: path, on: $0, absent: absent) != nil }
    }

    /// The paths the robot's logs of `date` and the days before it have beside the log at `path`, nearest first, as far
    /// back as a run is followed (`longestRunDays`): the logs that may count a run whose lines go on into a later one.
    static func earlierLogs(of path: String, from date: LocalDate) -> [String] {
        (1..<longestRunDays).compactMap { siblingPath(of: path, on: date.adding(days: 1 - $0)) }
    }

    /// The robot's log of `date` beside `path` (`YYYY-MM-DD_Execution.log`), if there is one and it is not among `absent`.
    static func sibling(of path: String, on date: LocalDate, absent: Set<String>) -> String? {
        guard let candidate = siblingPath(of: path, on: date), !absent.contains(candidate) else { return nil }
        return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
    }

    /// The path the robot's log of `date` has beside the log at `path` (`2024-05-09_Execution.log`, or with the robot's
    /// name before the date, `RPA-SV01_2024-05-09_Execution.log`), there or not.
    static func siblingPath(of path: String, on date: LocalDate) -> String? {
        DatedLogName(path)?.path(on: date)
    }
}
