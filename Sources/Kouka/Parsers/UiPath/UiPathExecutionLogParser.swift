import Foundation

/// Reads UiPath Robot `Execution.log` files (`YYYY-MM-DD_Execution.log`): one `HH:mm:ss.ffff LEVEL {json}`
/// line per event, grouped into runs by `jobId`.
///
/// A run's end line is the one with `totalExecutionTimeInSeconds`/`totalExecutionTime`, whatever language the
/// robot writes its messages in. A run succeeded when it has its end line and no `Error`/`Fatal` line of
/// logType Default (it failed when it has one). A run with no end line is `unfinished` (counted as a
/// failure, and said so) if the file is closed (an earlier day's log, and the next day's has no end either)
/// or it has been silent for longer than the allowed age; otherwise it is still running and waits. Queue transactions,
/// when a run has them, make its units items: each successful transaction is one item handled, and failed
/// transactions are failed items, which do not make a normally ended run a failed one. A run started from UiPath Studio
/// (`initiatedBy` Studio, StudioX or StudioPro on any of its lines: a developer trying the process out) is no production
/// run: it is neither counted nor rejected, and the summary says how many (`ParseSummary.studioRuns`).
///
/// Today's log grows all day: reading resumes at the end of the last complete line, with the unfinished
/// runs carried over, and a half-written last line is left for the next run.
package struct UiPathExecutionLogParser: ResumableLogParser {
    package let formatID = "uipath-execution-log"

    package init() {}

    /// True: a full reading hands the log's bytes to the context's digest as it reads them, so that a city's
    /// thousands of daily logs are each read once, not hashed first and then read again (a UTF-16 log's bytes
    /// are not handed over; the caller reads them).
    package func digestsWhileReading(path: String) -> Bool { true }

    /// True: a robot writes a `YYYY-MM-DD_Execution.log` a day, and a job id is one run whatever log holds it.
    package var runIdsSpanDatedLogs: Bool { true }

    package func canResume(fromSavedState state: String) -> Bool {
        do {
            return try UiPathResumeState(state).endsInARejectedCutLine != true
        } catch {
            return false
        }
    }

    /// How long after its day ended a log's half-written last line is still taken to be being written.
    static let writingGrace: TimeInterval = 86_400

    package func parse(path: String, context: ParseContext, into sink: any ParseSink) throws -> ParseSummary {
        try parse(path: path, context: context, resumingFrom: nil, into: sink).0
    }

    package func parse(path: String, context: ParseContext, resumingFrom resume: ResumePoint?, into sink: any ParseSink) throws -> (ParseSummary, ResumePoint) {
        // A saved state that does not decode would lose the unended runs it held: it stops the file instead.
        let carried = try resume.map { resume throws(UiPathResumeState.Unreadable) in try UiPathResumeState(resume.state) }
        // Only a reading from the first byte feeds the digest: an append's hash goes on from the saved state.
        let reader = try LineReader(path: path, encoding: carried?.encoding ?? context.encoding,
                                    startOffset: resume?.offset ?? 0, firstLine: resume?.line ?? 1, digest: resume == nil ? context.digest : nil)
        let fileDate = Self.fileDate(path)
        let isClosed = fileDate.map { $0 < context.today } ?? true
        // An earlier day's last line without a newline that is not a whole line is left for the next run until a day
        // after that day ended: the robot may still be writing it (flushed just after midnight, while a nightly run read
        // the log). Taken then, it would be rejected, and its rest rejected again once written. A whole one is read.
        let mayStillBeWritten = fileDate.map { day in
            context.now < context.clock.startOfDay(day.adding(days: 1)).addingTimeInterval(Self.writingGrace)
        } ?? false
        let names = NameInterner()
        var runs = carried?.runs ?? [:]
        var summary = ParseSummary()
        var sawValidLine = resume != nil
        var consumed = resume?.offset ?? 0
        var nextLine = resume?.line ?? 1
        // A last line left half written keeps the log open: the runs it may end wait, as in today's log.
        var leftHalfLine = false
        // The last line was taken without its newline and rejected: what is added to the log later may be its rest.
        var rejectedCutLine = false
        // The lines that could not be read, by the job each may belong to: the job id still legible in its bytes, or else
        // every run the line falls inside (`runs(holdingUnreadable:open:)`).
        var unread: [String: Int] = [:]
        try reader.forEachLine { line in
            // A half-written last line of a log still being written is left for the next run.
            guard line.isTerminated || isClosed else { return }
            let before = (consumed: consumed, line: nextLine, records: summary.recordsRead)
            consumed = line.endOffset
            nextLine = line.number + 1
            let halfWritten = !line.isTerminated && mayStillBeWritten
            func leaveForTheNextRun() {
                (consumed, nextLine, summary.recordsRead) = before
                leftHalfLine = true
            }
            guard !line.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { return }
            summary.recordsRead += 1
            // A rejected line is dated by its own timeStamp when it has one, else by the file's name: the robot
            // writes each day's lines to that day's file.
            // A line read whole that names no job is no run's line; any other rejected line may be the one that failed its run.
            let reject = { (reason: String, day: LocalDate?) in
                sink.reject(Rejection(file: context.displayPath, line: line.number, reason: reason, day: day))
                if !line.isTerminated { rejectedCutLine = true }
                guard reason != Self.noJobID else { return }
                for job in Self.runs(holdingUnreadable: line.bytes, open: { runs.filter { $0.value.endInstant == nil }.map(\.key) })
                where unread[job] == nil {
                    unread[job] = line.number
                }
            }
            guard !line.isCut else {
                return reject("the line is longer than \(LineReader.maxLineBytes >> 20) MiB; no robot writes one — check the log", fileDate)
            }
            guard let split = Self.splitPrefix(line.bytes) else {
                if halfWritten { return leaveForTheNextRun() }
                if !sawValidLine && summary.recordsRead == 1 && line.number == 1 {
                    throw FormatMismatch(path: context.displayPath, format: formatID, reason: "line 1 is not `HH:mm:ss.ffff LEVEL {json}`")
                }
                return reject("not an Execution.log line (`HH:mm:ss.ffff LEVEL {json}` expected)", fileDate)
            }
            // The robot writes UTF-8; a log re-saved as Shift_JIS is decoded first.
            let parsed = reader.encoding == .shiftJIS
                ? Data((TextEncoding.shiftJIS.decode(split.json) ?? "").utf8).withUnsafeBytes { UiPathLogLine(json: $0, names: names) }
                : UiPathLogLine(json: split.json, names: names)
            guard let entry = parsed else {
                if halfWritten { return leaveForTheNextRun() }
                return reject(line.isTerminated ? "the JSON part is not valid JSON" : "last line is cut off (no newline, JSON incomplete)", fileDate)
            }
            sawValidLine = true
            let instant = Self.instant(entry.timeStamp, prefixTime: split.time, fileDate: fileDate, clock: context.clock)
            guard let jobID = entry.jobId, !jobID.isEmpty else { return reject(Self.noJobID, instant.map(context.clock.localDate)) }
            guard let processName = entry.processName, !processName.isEmpty else { return reject("no processName", instant.map(context.clock.localDate)) }
            guard let instant else {
                return reject("no usable time: timeStamp missing or invalid and no date in the file name", nil)
            }
            Self.apply(entry, jobID: jobID, processName: processName, instant: instant, line: line.number, to: &runs)
            // Dated by the robot's own clock, as the log's name is: a robot in another zone than the configured one writes
            // the lines of its evening, the next day in Tokyo, to the log of its own day (helper-126).
            if let fileDate, let written = entry.timeStamp?.date, written < fileDate, (runs[jobID]?.writtenBefore).map({ written < $0 }) ?? true {
                runs[jobID]?.writtenBefore = written
            }
        }
        for (job, line) in unread where runs[job] != nil && runs[job]?.unreadLine == nil { runs[job]?.unreadLine = line }
        // A run is all lines of one jobId, even when the robot's log rolled over at midnight in between, once or more. The
        // log holding its first lines counts it: a run with lines in the robot's last log before this one is left to that
        // log, whatever language the robot writes its messages in (its start message only spares looking).
        var countedEarlier = Set<String>()
        // A run whose start is not known here, or with a line dated (by the robot's clock) before this log's day: the robot writes each
        // day's lines to that day's log, so lines of an earlier day were copied here (a log shipper sending lines again),
        // and their run may be one the earlier log ended — counted there, or rejected there for a line it could not read
        // (helper-117, seed 44: the copy, with its start line, counted as a success).
        let mayBeEarlier = { (run: UiPathRun) in run.startedHere != true || run.writtenBefore != nil }
        // The robot's last log before this one: the day before's, or an earlier one across days it wrote none (a weekend).
        // Looked for only when a run may be one of an earlier log's.
        let previousDay = runs.values.contains(where: mayBeEarlier) ? fileDate.flatMap { Self.lastLogDay(before: $0, beside: path, absent: context.absentPaths) } : nil
        var earlier: [String: UiPathRun] = [:]
        if let previousDay, let previous = Self.sibling(of: path, on: previousDay, absent: context.absentPaths) {
            countedEarlier = try Self.follow(Set(runs.values.filter(mayBeEarlier).map(\.jobID)), in: previous, encoding: reader.encoding,
                                             clock: context.clock, today: context.today, into: &earlier)
        }
        // Lines dated a day before the robot's last log: copied from the log of the day they say, with logs between (helper-126).
        // Any line of the job there makes them a copy of that log's, whether it counted the run or rejected it.
        var copiedFrom: [String: LocalDate] = [:]
        if let previousDay {
            let older = Dictionary(grouping: runs.values.filter { $0.writtenBefore.map { $0 < previousDay } ?? false && !countedEarlier.contains($0.jobID) }) { $0.writtenBefore! }
            for (day, copies) in older.sorted(by: { $0.key < $1.key }) {
                guard let log = Self.sibling(of: path, on: day, absent: context.absentPaths) else { continue }
                var there: [String: UiPathRun] = [:]
                for job in try Self.follow(Set(copies.map(\.jobID)), in: log, encoding: reader.encoding, clock: context.clock, today: context.today, into: &there) {
                    copiedFrom[job] = day
                    earlier[job] = there[job]
                    countedEarlier.insert(job)
                }
            }
        }
        // The runs' own lines, as the resume state keeps them: the later logs' lines are read again each time, not twice.
        let ownLines = runs
        // An unended run goes on in the next day's log, and on from there while each holds its lines.
        var lastDay: [String: LocalDate] = [:]
        if isClosed, let fileDate, runs.values.contains(where: { $0.endInstant == nil }) {
            let chain = try Self.followOn(Set(runs.values.filter { $0.endInstant == nil }.map(\.jobID)), after: path, display: context.displayPath,
                                          on: fileDate, encoding: reader.encoding, clock: context.clock, today: context.today, absent: context.absentPaths,
                                          into: &runs)
            lastDay = chain.lastDay
            // The later logs, read before this one was there, may count the runs this one counts: read again without them.
            summary.runsGoingOnAfter = chain.files.compactMap { file, jobs in
                let counted = jobs.subtracting(countedEarlier)
                return counted.isEmpty ? nil : SharedRuns(file: file, hashes: counted.map(RunKeyHash.of))
            }.sorted { $0.file < $1.file }
        }
        // A run that ended in the day before's log and has lines again here that end here or in a later log, or never in a
        // log no longer written, is not that run going on: a job id is one run, so these lines are not counted, and said so
        // (a repeated job id, or lines copied from that log). Judged once the later logs were followed, not by this log's
        // lines alone: left to the earlier log, a run of the id's that goes on past midnight would be lost with no word.
        var repeatedHere = Set<String>()
        for job in countedEarlier.sorted() {
            guard let run = ownLines[job], let day = copiedFrom[job] ?? previousDay else { continue }
            let before = Self.siblingPath(of: context.displayPath, on: day) ?? "the day before's log"
            if copiedFrom[job] != nil {
                repeatedHere.insert(job)
                sink.reject(Rejection(file: context.displayPath, line: run.firstLine,
                                      reason: "jobId \(job)'s lines here are dated \(run.writtenBefore!), the day of \(before), which holds the job: lines copied from that log are not a run of their own, so they are not counted",
                                      day: context.clock.localDate(of: run.firstInstant)))
                continue
            }
            guard let ended = earlier[job]?.endInstant, runs[job]?.endInstant != nil || isClosed else { continue }
            repeatedHere.insert(job)
            let again = runs[job]?.endInstant != nil ? "ends again" : "has lines again"
            sink.reject(Rejection(file: context.displayPath, line: run.firstLine,
                                  reason: "jobId \(job) already ended in \(before) (at \(UTCTimestamp.string(from: ended))) and \(again) here: a job id is one run, so these lines are not counted (a job id repeated, or lines copied from that log)",
                                  day: context.clock.localDate(of: run.firstInstant)))
        }
        // The runs left to an earlier log that end here or in a later log: that log, if it counted one unfinished (read
        // before the log of its end was there), is read again. Lines of a run that ended there are none of its (rejected above).
        let endedEarlier = countedEarlier.subtracting(repeatedHere).filter { runs[$0]?.endInstant != nil }
        if !endedEarlier.isEmpty, let previousDay, let file = Self.siblingPath(of: context.displayPath, on: previousDay) {
            summary.endsOfRunsStartedBefore = SharedRuns(file: file, hashes: endedEarlier.map(RunKeyHash.of),
                                                         earlier: Self.earlierLogs(of: context.displayPath, from: previousDay.adding(days: -1)))
        }
        // The runs this log rejects for a line it could not read, ended here: lines copied from it into the robot's next log
        // (a log shipper sending them again) are no run of their own, and that log, read before this one was there, may
        // count them as one. It is read again, with this one there, which rejects them (helper-117, seed 44).
        // Each of the robot's later logs, as far as a run is followed: copies may be in any (helper-126).
        let rejectedHere = ownLines.values.filter { $0.unreadLine != nil && $0.endInstant != nil && !countedEarlier.contains($0.jobID) }
        if !rejectedHere.isEmpty, let fileDate {
            let hashes = rejectedHere.map { RunKeyHash.of($0.jobID) }
            summary.rejectedRunsGoingOnAfter = (1..<Self.longestRunDays).compactMap { days in
                let day = fileDate.adding(days: days)
                guard Self.sibling(of: path, on: day, absent: context.absentPaths) != nil, let file = Self.siblingPath(of: context.displayPath, on: day) else { return nil }
                return SharedRuns(file: file, hashes: hashes)
            }
        }
        var pending: [String: UiPathRun] = [:]
        let counted = RunKeyLog()
        // The robot's earlier logs, for runs another file counts: worked out once, when the first such run comes.
        lazy var earlierLogs = fileDate.map { Set(Self.earlierLogs(of: context.displayPath, from: $0.adding(days: -1))) } ?? []
        let unordered = Array(runs.values)
        // Sorting the indices, not the runs, moves integers instead of structs full of strings.
        for index in unordered.indices.sorted(by: { unordered[$0].firstLine < unordered[$1].firstLine }) where !countedEarlier.contains(unordered[index].jobID) {
            let run = unordered[index]
            // The robot is writing the log of the day after the last that holds the run's lines, or has not written it yet:
            // the run may yet end there, and counting it unfinished now could never be undone by that log.
            func nextIsOpen() -> Bool { (lastDay[run.jobID] ?? fileDate).map { $0.adding(days: 1) >= context.today } ?? false }
            if run.endInstant == nil && (!isClosed || nextIsOpen() || leftHalfLine)
                && context.now.timeIntervalSince(run.lastInstant) <= context.pendingMaxAge {
                pending[run.jobID] = ownLines[run.jobID] ?? run
                continue
            }
            // Started from Studio: a developer's test run saves no staff time, so it is neither a success nor a failure, nor a
            // run id counted; it is stated, never dropped without a word (helper-160).
            if run.fromStudio == true {
                summary.studioRuns += 1
                continue
            }
            // The same job in another robot log already counted (a second copy of the logs): counted once.
            let key = RunKeyHash.of(run.jobID)
            if let file = context.runsCountedElsewhere[key] {
                // The end of a run that started in the day before's log, which counts it: left out as that log's, as when
                // that log is there to look at (deleted since, by the robot's log retention), not as a run counted twice.
                if run.startedHere != true, earlierLogs.contains(file) { continue }
                sink.reject(RowProblem(.countedIn(file: file, hash: key), idColumn: "jobId", day: context.clock.localDate(of: run.startInstant))
                    .rejection(file: context.displayPath, line: run.firstLine))
                continue
            }
            if let unreadLine = run.unreadLine {
                sink.reject(Rejection(file: context.displayPath, line: run.firstLine,
                                      reason: "line \(unreadLine)\(run.unreadIn.map { " of \($0), the robot's log of another day" } ?? ""), a line of jobId \(run.jobID)'s run, could not be read (see that line's own rejection): it may be the Error line that failed the run, so whether the run succeeded cannot be told and it is not counted. Get the log whole from the robot's machine, then run kouka-nightly --since <its day>",
                                      day: context.clock.localDate(of: run.startInstant)))
                continue
            }
            counted.add(key, unfinished: Self.outcome(of: run) == .unfinished)
            for event in Self.events(of: run, context: context) { sink.accept(event) }
            for pair in run.repeatedTransactionLines ?? [] where pair[0] > 0 {
                let first = pair[1] > 0 ? "line \(pair[1])" : "a line of the robot's log of another day"
                sink.reject(Rejection(file: context.displayPath, line: pair[0], reason: "this queue transaction's line repeats \(first) of jobId \(run.jobID)'s run (the same transactionID, which a transaction ends once): a line written twice, its item counted once",
                                      day: context.clock.localDate(of: run.startInstant)))
            }
        }
        sink.counted(runs: RunKeySet(logs: [counted]))
        summary.pendingRuns = pending.count
        summary.pendingRunKeys = pending.keys.map(RunKeyHash.of)
        return (summary, ResumePoint(offset: consumed, line: nextLine, state: try UiPathResumeState(encoding: reader.encoding, runs: pending, endsInARejectedCutLine: rejectedCutLine).encoded()))
    }

    /// Folds one line into its run.
    /// `ownFile`: the line is of the log being read, not of the robot's log of another day followed with it.
    static func apply(_ entry: UiPathLogLine, jobID: String, processName: String, instant: Date, line: Int, ownFile: Bool = true,
                      to runs: inout [String: UiPathRun]) {
        // One look-up of the job's run per line, not three: every line of a log comes here.
        fold(entry, processName: processName, instant: instant, line: ownFile ? line : 0,
             into: &runs[jobID, default: UiPathRun(jobID: jobID, processName: processName, firstLine: line, firstInstant: instant, lastInstant: instant)])
    }

    /// Changes the run in place: a log has a few hundred thousand lines and a run's struct holds strings.
    private static func fold(_ entry: UiPathLogLine, processName: String, instant: Date, line: Int, into run: inout UiPathRun) {
        run.firstInstant = min(run.firstInstant, instant)
        run.lastInstant = max(run.lastInstant, instant)
        if entry.isDefaultError { run.hadDefaultError = true }
        if entry.isStartLine { run.startedHere = true }
        if entry.startedFromStudio { run.fromStudio = true }
        if entry.isEndLine {
            run.endInstant = instant
            run.totalSeconds = entry.totalExecutionTimeInSeconds.flatMap { (0...CSVRow.largestPlausible).contains($0) ? $0 : nil }
        }
        switch entry.transactionStatus {
        case "Successful": if run.countTransaction(entry.transactionHash, line: line) { run.successfulTransactions += 1 }
        case "Failed": if run.countTransaction(entry.transactionHash, line: line) { run.failedTransactions += 1 }
        default: break
        }
    }

    /// The events one run is. A run's outcome is its own: it succeeded when it ended normally, whatever its
    /// queue items did. Queue transactions are items: successful ones items handled, failed ones items
    /// failed (in a run that ended normally as much as in one that did not). A run that failed or never
    /// finished is also a failed or unfinished run, in runs, so that a catalog row in runs charges rework per
    /// failed run and one in items per failed item (`EffectModel`). The run is one run in the counts of runs, under its
    /// own outcome (`UsageEvent.countsAsRun`): a run that ended normally is its successful items' event, even of 0 items
    /// when every item failed, and its failed items are not a failed run; a run that failed is its event in runs.
    static func events(of run: UiPathRun, context: ParseContext) -> [UsageEvent] {
        let outcomeOfRun = outcome(of: run)
        // The machine time is the run's, given once, to its first event.
        var machine = run.totalSeconds
        func event(_ outcome: Outcome, _ quantity: Int, _ unit: EffectUnit, isTheRun: Bool) -> UsageEvent {
            defer { machine = nil }
            return UsageEvent(family: .rpa, occurredAt: run.startInstant, taskName: run.processName, outcome: outcome,
                              quantity: Double(quantity), unit: unit, machineSeconds: machine, source: context.location(run.firstLine),
                              countsAsRun: isTheRun)
        }
        guard run.hasTransactions else { return [event(outcomeOfRun, 1, .runs, isTheRun: true)] }
        var events: [UsageEvent] = []
        let succeeded = outcomeOfRun == .success
        if run.successfulTransactions > 0 || succeeded {
            events.append(event(.success, run.successfulTransactions, .items, isTheRun: succeeded))
        }
        if run.failedTransactions > 0 { events.append(event(.failure, run.failedTransactions, .items, isTheRun: false)) }
        if !succeeded { events.append(event(outcomeOfRun, 1, .runs, isTheRun: true)) }
        return events
    }

    static let noJobID = "no jobId: the line belongs to no run"

    /// The jobs of the runs a line that could not be read may have failed: `named` (its JSON read, but not whole), else the
    /// `jobId` still legible in it, else every run open at it (`open`: the runs whose lines began before it and have not
    /// ended). A robot runs more than one job at a time (a background process beside the foreground one), so the job of
    /// the last line read is not the only one the line may be of: taken for it alone, a run whose Error line was cut after
    /// another job's line counted as a success. None when its prefix names a level below Error, which no line that fails a
    /// run has, or when no run is open at it.
    static func runs(holdingUnreadable line: UnsafeRawBufferPointer, named: String? = nil, open: () -> [String]) -> [String] {
        guard !UiPathPrefixScanner.namesALevelBelowError(line) else { return [] }
        if let job = named ?? legibleJobID(in: line) { return [job] }
        return open()
    }

    /// The `jobId` value still legible in the bytes of a line that could not be read, if a whole one is there.
    static func legibleJobID(in bytes: UnsafeRawBufferPointer) -> String? {
        let name = Array(#""jobId""#.utf8)
        guard bytes.count > name.count, let start = (0...(bytes.count - name.count)).first(where: { at in
            name.indices.allSatisfy { bytes[at + $0] == name[$0] }
        }) else { return nil }
        var index = start + name.count
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x3A { index += 1 }
        guard index < bytes.count, bytes[index] == 0x22 else { return nil }
        let valueStart = index + 1
        guard let end = bytes[valueStart...].firstIndex(of: 0x22), end > valueStart else { return nil }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[valueStart..<end]), as: UTF8.self)
    }

    /// A run's own outcome: an error line is a failure the robot reported; a run that simply stops is one that never
    /// finished. The run id is marked unfinished exactly when this is (`RunKeyLog`).
    static func outcome(of run: UiPathRun) -> Outcome {
        run.hadDefaultError ? .failure : (run.endInstant == nil ? .unfinished : .success)
    }

    /// Splits `HH:mm:ss.ffff LEVEL {json}` into its time and its JSON; nil when the line is not that shape.
    static func splitPrefix(_ bytes: UnsafeRawBufferPointer) -> (time: (Int, Int, Double), json: UnsafeRawBufferPointer)? {
        guard let brace = bytes.firstIndex(of: UInt8(ascii: "{")), brace >= 10, brace < 40 else { return nil }
        // Read from the bytes, not a String: this runs for every line of every log.
        var scanner = UiPathPrefixScanner(UnsafeRawBufferPointer(rebasing: bytes[..<brace]))
        scanner.skipSpaces()
        guard let h = scanner.integer(), scanner.take(0x3A), let m = scanner.integer(), scanner.take(0x3A), let s = scanner.seconds(),
              (0..<24).contains(h), (0..<60).contains(m), s < 60, scanner.skipSpaces() > 0, scanner.level(), scanner.atEndAfterSpaces()
        else { return nil }
        return ((h, m, s), UnsafeRawBufferPointer(rebasing: bytes[brace...]))
    }

    /// The JSON `timeStamp` wins; without one, the file name's date and the line's time in the configured zone.
    static func instant(_ timeStamp: Timestamp?, prefixTime: (Int, Int, Double), fileDate: LocalDate?, clock: LocalClock) -> Date? {
        if let timeStamp { return timeStamp.instant(in: clock) }
        guard let fileDate else { return nil }
        return clock.instant(of: fileDate, hour: prefixTime.0, minute: prefixTime.1, second: prefixTime.2)
    }

    /// The date in the log's name, wherever it is (`2024-05-09_Execution.log`, `RPA-SV01_2024-05-09_Execution.log`).
    static func fileDate(_ path: String) -> LocalDate? {
        DatedLogName(path)?.date
    }
}
