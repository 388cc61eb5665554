import Foundation
import Logging

/// Decides, for one source file at a time, what to read, and records what was read: the file-level half
/// of the nightly job. The reading itself is `FileRead`'s, so that several files can be read at once.
final class SourceIngestor {
    let configuration: Configuration
    let catalog: TaskCatalog
    let logger: Logger
    let today: LocalDate
    let now: Date
    private var unmapped: [String: NightlySummary.UnmappedName] = [:]
    /// The catalog's rows for each system and name recorded this run (the catalog does not change during a run).
    var catalogRows: CatalogRows
    /// The successful runs of each file recorded this run whose catalog row counts another unit (`noteRunsInAnotherUnit`).
    var inAnotherUnit: [String: (format: String, rollups: [(key: RollupKey, totals: RollupTotals)])] = [:]
    /// The files this run read whole, by their copy key (`copyKey`: the SHA-256, and a day a name gives where the format
    /// reads one): a copy of one read in the same batch is a copy too.
    var readThisRun: [String: String] = [:]
    /// The new SHA-256 of each file this run reads, by path ("" when it is appended to: not known yet).
    var newHashThisRun: [String: String] = [:]
    /// The files read whole this run because they were read in another time zone: their runs may move between days.
    var readForTimeZone: Set<String> = []
    /// The days on which files read again whole hold fewer runs than they counted, and the runs files recorded this run
    /// hold on days beyond what they counted, by format: settled once every file is recorded (`settleLosses`).
    var losses: [(display: String, format: String, days: [RunsLost.Day], bySettings: Bool, fromStudio: Int)] = []
    var gains: [String: [LocalDate: Int]] = [:]
    /// The billing periods whose running totals a file read again whole no longer holds, by path (`settlePeriodsLost`).
    var periodsNoLongerHeld: [String: Set<KoukaStore.RunningTotalPeriod>] = [:]
    /// The files this run rejected whole or could not read, which count nothing: no file is a copy of one of them.
    var countsNothingThisRun: Set<String> = []
    /// The files this run reads (`expect(_:displays:)`), in the sources' order.
    private(set) var files: [(path: String, spec: SourceSpec)] = []
    /// The ledger's lines as the run started, identity only (`take(ledger:)`).
    private(set) var ledgerLines: [LedgerIdentity] = []
    /// Every path the run meets, by the path the ledger knows it by: its file, its ledger line and what was
    /// decided for it, in one table so that each of a city's tens of thousands of unchanged files costs one
    /// lookup, not one in each of several tables.
    private(set) var paths: [String: RunPath] = [:]
    /// The paths `--since` reads whole.
    var forced: Set<String> = []
    /// The files read whole again whose days counted before are compared with what they give now (`RestatedDays`), each
    /// with whether its source's settings changed since (then the settings may be what moved a day, and the reason says so).
    var restating: [String: RestatedDays.Cause] = [:]
    /// The files on disk the run leaves out (`NightlyOptions.leavingOut`), by path: a parser takes them as not there.
    var absentPaths: Set<String> = []
    /// Ledger lines whose files are no longer at their paths, by inode: a new path with one of these inodes
    /// may be the same file renamed by log rotation. Several lines may have one inode — a file deleted long ago
    /// (`gone`) whose inode the filesystem gave to a file moved away tonight — and the file is the one it matches.
    var vanished: [Int64: [SourceFileRecord]] = [:]
    /// Ledger lines counting until tonight whose files are no longer at their paths, by file name: a new file of that name
    /// that begins with every byte one of them read is that file moved (copied to a new share) and grown since
    /// (`SourceIngestor+MovedAndGrown`).
    var vanishedByName: [String: [SourceFileRecord]] = [:]
    /// The paths whose files took over, tonight, the ledger line of a file at another path (renamed, moved, a copy).
    var renamedTonight: Set<String> = []
    /// The transcripts counted under their recording's name as an earlier Kouka gave it, looked up once a run needs them.
    var legacyTranscripts: LegacyTranscriptNames?
    /// The transcripts read again tonight for their recording's name (`LegacyTranscriptNames.mustReadAgain`).
    var readForRecordingName: Set<String> = []
    /// Looks at the files one by one through their folder (`prepare`).
    private let statusLookup = FileStatusLookup()
    /// The files whose contribution this run has recorded: their ledger lines describe them as they are now.
    var recorded: Set<String> = []
    /// The files that other files did not leave runs out for, because they were to be read again this run.
    var awaited: Set<String> = []
    /// What recording each file this run added to the summary, by path: taken back when the file is read again.
    var tallies: [String: FileTally] = [:]
    /// The readings prepared so far this run (`FileRead.sequence`), and for each file read again for runs another file
    /// took over (`settle(_:endedIn:store:summary:)`), the sequence of the latest such reading recorded: a reading of
    /// the file prepared before it is out of date, and dropped at its turn, however many times the file was read again.
    var readingsPrepared = 0
    var recordedReadingAgain: [String: Int] = [:]
    /// The runs each file about to be read again for runs another took over is to leave out, with the file that counts
    /// each (`settle(_:endedIn:store:summary:)`).
    var leavingOut: [String: [UInt64: String]] = [:]
    /// The files being read again because a file they left runs out for no longer counts them (`noLongerCountedHere`): what
    /// they gain makes up for what that file lost on the same days (`settleLosses`), as when the two are read in one run.
    var regainingRuns: Set<String> = []
    /// The files whose ledger line was `gone` as the run found it — back at its path, renamed back, or taken over by a copy
    /// of its bytes (`settle(_:at:store:summary:)`) — to be read again by the files that left runs out for it while it was
    /// away (`findFilesLeavingRunsOutWhileAway`).
    var backFromAway: Set<String> = []
    /// A robot's logs of a day that is over read whole in doubt, with the SHA-256 they were read with before: one whose
    /// bytes are not those is named (`NightlySummary.robotLogsRewritten`).
    var rewrittenLogs: [String: (sha256: String, doubt: String)] = [:]
    /// Robots' logs of days that are over found grown tonight, named as they were planned: their notice is kept with their
    /// commit (`noteLoss`), so that a run killed before its summary leaves it for the next to state (helper-145 #3).
    var grownAfterTheirDay: [String: String] = [:]
    /// The files read again that no longer count runs they counted, with those runs (`settleRunsCountedNowhere`).
    var noLongerCounted: [(display: String, format: String, runs: Set<UInt64>, days: ClosedRange<LocalDate>, unreadable: [String: Int])] = []
    /// Files read again that no longer hold runs they held still running when last read, with those runs: named once every
    /// file is recorded unless another file holds them then (`settleWaitingRuns`).
    /// `asCopy`: the file is a copy now, which keeps none of them, so they are named this night only.
    var waitingNoLongerHeld: [(display: String, format: String, id: Int64, runs: [UInt64], days: ClosedRange<LocalDate>, asCopy: Bool)] = []
    /// `inodesOfNewFiles()`, found once a run, when first asked.
    private var newFileInodesFound: [Int64: String]?

    /// The paths of the files among the sources the ledger had no line for as the run started, by inode; found once a
    /// run, when first asked.
    func newFileInodes() -> [Int64: String] {
        if let found = newFileInodesFound { return found }
        var found: [Int64: String] = [:]
        for (display, path) in paths where path.line == nil {
            if let index = path.file, let inode = FileStatus(path: files[index].path)?.inode { found[inode] = display }
        }
        newFileInodesFound = found
        return found
    }
    /// How deep the run is in files read again for runs that ended in another (`settle(_:endedIn:store:summary:)`).
    var readingAgainForEndedRuns = 0
    /// Past this depth a file leaves out every run another counts: each reading again takes unfinished runs from a
    /// file, so a chain this long is not a city's exports.
    static let endedRunsDepth = 4

    /// The log lines of the files recorded in the transaction still open (`record(_:store:summary:)`).
    let lines: HeldLogLines

    init(configuration: Configuration, catalog: TaskCatalog, logger: Logger, today: LocalDate, now: Date) {
        self.configuration = configuration
        self.catalog = catalog
        catalogRows = CatalogRows(catalog)
        let lines = HeldLogLines()
        self.lines = lines
        self.logger = lines.wrapping(logger)
        self.today = today
        self.now = now
        officeHoursText = configuration.officeHours.ledgerText
        let timeZoneText = configuration.clock.zone.identifier
        self.timeZoneText = timeZoneText
        readingTexts = Dictionary(configuration.sources.map { ($0.identity, $0.readingText(zone: timeZoneText)) }) { first, _ in first }
    }

    /// The configured office hours as the ledger writes them (`OfficeHours.ledgerText`), made once a run.
    let officeHoursText: String
    /// The configured time zone as the ledger writes it (its identifier).
    let timeZoneText: String
    /// Each configured source's `readingText(zone:)`, made once a run: asked for every file, it was made again for each,
    /// 6 % of a night with nothing new over a city's 18,260 daily logs.
    private let readingTexts: [ObjectIdentifier: String]

    /// How a file of `spec` is read, as the ledger's `time_zone` keeps it (`SourceSpec.readingText(zone:)`).
    /// The first day a file last read by the run that started at `lastRead` (UTC text) may still have held runs not
    /// counted then: the day before that reading's own, less the days a run may wait for its end (`pending_max_hours`).
    /// Days before it were settled when the file was read; nil when the reading's time is not known.
    static func settledBefore(lastRead: String?, clock: LocalClock, pendingMaxAge: TimeInterval) -> LocalDate? {
        guard let lastRead, let stamp = Timestamp(lastRead) else { return nil }
        return clock.localDate(of: stamp.instant(in: clock)).adding(days: -1 - Int((pendingMaxAge / 86_400).rounded(.up)))
    }

    func timeZoneText(for spec: SourceSpec) -> String {
        readingTexts[spec.identity] ?? spec.readingText(zone: timeZoneText)
    }

    /// Names seen this run that the catalog does not map, most frequent first.
    func unmappedNames() -> [NightlySummary.UnmappedName] {
        unmapped.values.sorted { ($1.runs, $0.system, $0.name) < ($0.runs, $1.system, $1.name) }
    }

    /// Takes the files the sources match now (`displays`: the path the ledger knows each by). A path listed
    /// twice (by two sources) is known by its last.
    /// `expected`, when given, is `expected(displays)`, made ahead on another thread (`SourceExpansion`).
    func expect(_ files: [(path: String, spec: SourceSpec)], displays: [String], expected: [String: RunPath]? = nil) {
        self.files = files
        paths = expected ?? Self.expected(displays)
    }

    /// The paths of `expect(_:displays:)`, each with its file's place.
    static func expected(_ displays: [String]) -> [String: RunPath] {
        var paths: [String: RunPath] = [:]
        paths.reserveCapacity(displays.count)
        for (index, display) in displays.enumerated() { paths[display, default: RunPath()].file = index }
        return paths
    }

    /// Takes the ledger's lines as the run started (`KoukaStore.ledgerIdentities()`, in any order): what tells an
    /// unchanged file without a lookup of its own. Returns the lines whose paths are not among the files expected
    /// (`expect(_:displays:)`), in the order of their paths' bytes (the store's): files gone, or renamed.
    func take(ledger lines: [LedgerIdentity]) -> [LedgerIdentity] {
        ledgerLines = lines
        var away: [LedgerIdentity] = []
        // By index, each line's path read in place: a city's tens of thousands of lines are not copied one by one.
        for index in lines.indices {
            guard let slot = paths.index(forKey: lines[index].path), paths.values[slot].file != nil else {
                away.append(lines[index])
                continue
            }
            // Two paths that are one text (a name in two Unicode normalizations) are one path here: the line of the
            // later in byte order is the one taken, whatever order the lines came in.
            if let taken = paths.values[slot].line, Self.precedes(lines[index].path, lines[taken].path) { continue }
            paths.values[slot].line = index
        }
        away.sort { Self.precedes($0.path, $1.path) }
        return away
    }

    /// Whether path `a` comes before `b` in the store's order of paths: by their bytes (SQLite's `BINARY`).
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// The file the sources match now at `display`, the path the ledger knows it by.
    func file(at display: String) -> (path: String, spec: SourceSpec)? {
        paths[display]?.file.map { files[$0] }
    }

    /// For a file decided this run, whether its contribution is read again and replaced (a whole reading);
    /// nil for one not decided yet.
    func replacing(_ display: String) -> Bool? {
        paths[display]?.replacing
    }

    /// Notes that the run looks at the file at `display` afresh before its turn (`RunPath.lookedAtEarly`).
    func looksEarly(at display: String) {
        paths[display]?.lookedAtEarly = true
    }

    /// Notes that the file at `display` is read this run for runs that ended in another; whether it was counted unchanged
    /// at an earlier turn (the summary then states it as read instead).
    func marksReadForEndedRuns(_ display: String) -> Bool {
        defer {
            paths[display]?.countedUnchanged = false
            paths[display]?.readForEndedRuns = true
        }
        return paths[display]?.countedUnchanged == true
    }

    /// `slot` is the path's in `paths`, already found by the caller: a city's every unchanged file passes here.
    private func countUnchanged(display: String, slot: Dictionary<String, RunPath>.Index?, format: String, store: KoukaStore?, dryRun: Bool,
                                summary: inout NightlySummary) {
        if dryRun {
            summary.planned.append(.init(path: display, format: format, plan: IngestPlan.unchanged.label))
        } else if store != nil {
            if let slot {
                // Read already this run for runs that ended in another file: stated as read.
                if paths.values[slot].readForEndedRuns { return }
                paths.values[slot].countedUnchanged = true
            }
            summary.filesUnchanged += 1
        }
    }

    /// Decides what to do with one file, hashing it first when it is to be read whole; the reading to
    /// do, or nil when there is none (unchanged, unreadable, a dry run).
    ///
    /// `seen` is what `StatusPrefetch` saw of the file, if anything: when it shows the file unchanged, the file
    /// is not looked at again; otherwise it is, and only that fresh look decides.
    func prepare(
        path: String, display: String, spec: SourceSpec, store: KoukaStore?, forced: Bool, dryRun: Bool, seen: FileStatus? = nil,
        summary: inout NightlySummary
    ) throws -> FileRead? {
        let zone = timeZoneText(for: spec)
        // Read from a local copy of the array (one reference), whose lines are passed on in place rather than copied out
        // of the class's property for each call.
        let ledgerLines = ledgerLines
        // Not to be read again, until it is decided that it is.
        let slot = paths.index(forKey: display)
        if let slot { paths.values[slot].replacing = false } else { paths[display] = RunPath(replacing: false) }
        // Not when the run looked at the file afresh since: a file seen unchanged and then found changed by
        // `stands` (another file counted its runs for it) must be read, or those runs count twice.
        if let seen, let slot, !paths.values[slot].lookedAtEarly, let index = paths.values[slot].line, ledgerLines[index].status != .duplicate,
           IngestPlan.isUnchanged(status: seen, known: ledgerLines[index], format: spec.format, forced: forced, officeHours: officeHoursText,
                                   timeZone: zone), try !spec.readsTranscripts || !readsAgainForRecordingName(ledgerLines[index], store: store) {
            paths.values[slot].line = nil
            countUnchanged(display: display, slot: slot, format: spec.format, store: store, dryRun: dryRun, summary: &summary)
            return nil
        }
        guard let status = statusLookup.status(of: path) else {
            try unreadable(display, format: spec.format, reason: FileStatus.whyNot(path: path), store: dryRun ? nil : store, summary: &summary)
            return nil
        }
        // The line loaded with the others as the run started, when it shows the file untouched: all an unchanged
        // file needs, without a lookup of its own (a copy's line is looked up whole: whether it stays a copy depends
        // on its hash). It is taken out: a path listed a second time (by two sources) is looked up whole, as the
        // first may have changed it.
        if let slot, let index = paths.values[slot].line {
            paths.values[slot].line = nil
            let line = ledgerLines[index]
            if line.status != .duplicate,
               IngestPlan.isUnchanged(status: status, known: line, format: spec.format, forced: forced, officeHours: officeHoursText,
                                   timeZone: zone), try !spec.readsTranscripts || !readsAgainForRecordingName(line, store: store) {
                countUnchanged(display: display, slot: slot, format: spec.format, store: store, dryRun: dryRun, summary: &summary)
                return nil
            }
        }
        let resumable = spec.parser as? any ResumableLogParser
        var known = try store?.source(path: display)
        if known == nil, let old = try vanished[status.inode]?.first(where: { Self.isSameFile(path: path, status: status, as: $0, format: spec.format) })
            ?? movedAndGrown(display: display, path: path, status: status, format: spec.format, store: store) {
            // Rotation renamed the file (or it was moved to another share, and grew): its ledger line moves with it, so nothing is
            // counted twice.
            vanished[old.inode]?.removeAll { $0.path == old.path }
            vanishedByName[Self.fileName(old.path)]?.removeAll { $0.path == old.path }
            if !dryRun { try store?.renameSource(from: old.path, to: display) }
            summary.filesRenamed.append(.init(from: old.path, to: display))
            renamedTonight.insert(display)
            logger.notice("source file was renamed; its figures move with it", metadata: ["from": "\(old.path)", "to": "\(display)"])
            known = old
            known?.path = display
        }
        if known?.status == .gone { backFromAway.insert(display) }
        var plan = IngestPlan.decide(path: path, status: status, known: known, format: spec.format, resumable: resumable, forced: forced,
                                     officeHours: officeHoursText, timeZone: zone)
        // A transcript's run id is its path (`TranscriptRecording.name(of:)`): moved there with its folder (its own change time
        // untouched) or copied to a new share, it is read again for the id its path gives now, or a format of it copied in
        // beside it later would be a second meeting, and verification would find its ids changed (helper-104 #1, #2).
        if plan == .unchanged, renamedTonight.contains(display), spec.readsTranscripts { plan = .full }
        // Counted under the name an earlier Kouka gave its recording, or beside a deleted transcript that counts it so: read
        // again for the recording's name (`LegacyTranscriptNames`), which it keeps as a file renamed tonight keeps its meeting.
        // Also when it is read whole anyway (`--since`, its source's settings changed): its meeting moves to the new name.
        if spec.readsTranscripts, let known, let store,
           try legacyTranscriptNames(store: store).mustReadAgain(.init(id: known.id, path: display, status: known.status, format: known.format), store: store) {
            if plan == .unchanged { plan = .full }
            renamedTonight.insert(display)
            readForRecordingName.insert(display)
            logger.notice("transcript is read again for its recording's name", metadata: ["file": "\(display)"])
        }
        // A copy stays a copy only while the file it copies is there now with the same bytes, also when that
        // file is being read again in this run.
        if plan == .unchanged, let known, known.status == .duplicate, let store, try counted(known.sha256, at: display, store: store)?.copyOf == nil {
            plan = .full
        }
        // A robot adds lines only to the log of the day it is writing: one read after its day was over (an hour into the day
        // after, past the last lines flushed at midnight) that grew since was added to by someone. Read on, and named.
        // (A log read on only to see whether its pending runs ended has not grown: that is no finding.)
        // So is such a log put back after a night marked its line gone: a gone line is never read on, so it is read whole, and
        // only its bytes tell that it holds what was read and more (helper-161: a run added to a deleted log of a day that was
        // over, put back, was counted with exit 0, listed only as in doubt; the doubt's check below passes a log that only grew).
        // So is a log whose last line, rejected as cut off, is read whole because it grew (that line's rest, or more lines).
        let grownPastACutLine = spec.parser.runIdsSpanDatedLogs && plan == .full && !forced && known?.status == .present
            && known?.resumeState.map({ resumable?.canResume(fromSavedState: $0) == false }) == true && known?.onlyGrew(at: path) == true
        let grownFrom: SourceFileRecord? = switch plan {
        case let .append(read): read
        case .full where spec.parser.runIdsSpanDatedLogs && known?.status == .gone && known?.onlyGrew(at: path) == true: known
        case .full where grownPastACutLine: known
        default: nil
        }
        if let grownFrom, status.size > grownFrom.size, let store, spec.parser.runIdsSpanDatedLogs, let name = DatedLogName(display),
           let started = try store.lastReadingStart(ofSourceAt: display), let stamp = Timestamp(started) {
            let clock = configuration.clock
            let readAt = stamp.instant(in: clock)
            if readAt >= clock.instant(of: name.date.adding(days: 1), hour: 1, minute: 0, second: 0) {
                let added = grownPastACutLine
                    ? "bytes were added to a robot's log of \(name.date) after it was read on \(clock.localDate(of: readAt)), its last line then cut off (rejected), when its day was over, though a robot only adds lines to today's log: the line was completed or lines were added by a copy catching up or by someone, and the log is read whole and counted as it now holds them"
                    : "lines were added to a robot's log of \(name.date) after it was read on \(clock.localDate(of: readAt)), when its day was over, though a robot only adds lines to today's log: someone added them, and they are counted as the log now holds them"
                let reason = added + ". Find out who; put the robot's own log back if it was edited, then run kouka-nightly"
                summary.robotLogsRewritten.append(.init(path: display, reason: reason))
                grownAfterTheirDay[display] = reason
                logger.warning("lines were added to a robot's log of a day that is over", metadata: ["file": "\(display)"])
            }
        }
        // Why a file read before is read whole, when it is not forced to be.
        if plan == .full, let known, !forced, known.format == spec.format, known.status != .unreadable {
            if let doubt = IngestPlan.doubt(about: status, known: known) {
                // Not the file read before, or not as it was: what it held is no guide to what it holds.
                summary.filesInDoubt.append(.init(path: display, reason: doubt))
                // A robot only adds lines to the log of the day it is writing: one of a day that is over holding other bytes
                // than were read was changed by someone, which its reading again must not absorb in silence.
                // A log that only grew under a new inode (gathered onto the share by a copy and a rename) is not one, nor a
                // new log where the one read before was moved to another path among the sources (NLog's archiving by size).
                if spec.parser.runIdsSpanDatedLogs, let name = DatedLogName(display), name.date < today, !known.onlyGrew(at: path),
                   newFileInodes()[known.inode].map({ $0 == display }) ?? true {
                    rewrittenLogs[display] = (known.sha256, doubt)
                }
                logger.notice("source file is read whole: it may not be the file read before", metadata: ["file": "\(display)", "reason": "\(doubt)"])
            }
            if let was = known.officeHours, IngestPlan.hasOtherOfficeHours(known, than: officeHoursText) {
                // Its answers were marked off-hours by the hours of the night it was read: the configured ones judge them now.
                let reason = Self.officeHoursReason(was: was, now: officeHoursText)
                summary.filesReadForOfficeHours.append(.init(path: display, reason: reason))
                logger.notice("source file is read whole: the office hours changed", metadata: ["file": "\(display)", "reason": "\(reason)"])
            }
            switch RestatedDays.Cause(readIn: known.timeZone, configured: zone) {
            case .sameSettings:
                break
            case .otherSettings:
                // What it counted followed the source's encoding, columns, values, task or department of the night it was read.
                let reason = (known.timeZone ?? "").contains(SourceSpec.settingsMark)
                        ? "read with other settings of its [[source]] (encoding, columns, values, task, department, delimiter, the chatbot's lists or [nightly] pending_max_hours) than kouka.toml gives now"
                        : "read without settings kouka.toml now gives its [[source]] (encoding, columns, values, task, department, delimiter, the chatbot's lists or [nightly] pending_max_hours), or before Kouka kept them"
                summary.filesReadForSourceSettings.append(.init(path: display, reason: reason))
                logger.notice("source file is read whole: its source's settings changed", metadata: ["file": "\(display)"])
            case .otherTimeZone:
                // Its runs were dated in the zone of the night it was read: the configured one dates them now.
                let reason = known.timeZone.map { "read in \(SourceSpec.zones(of: $0)); kouka.toml now says \(SourceSpec.zones(of: zone))" }
                    ?? "read before Kouka kept the time zone it was read in"
                summary.filesReadForTimeZone.append(.init(path: display, reason: reason))
                readForTimeZone.insert(display)
                logger.notice("source file is read whole: the time zone changed", metadata: ["file": "\(display)", "reason": "\(reason)"])
            }
        }
        // Read again whole with the same settings, rules and hours as before (also by `--since`), the days it counted must give
        // what they gave: other figures for them are the file's past rewritten (helper-89: 100 items edited to 900 in place,
        // read again with exit 0). An earlier Kouka's line (no change time) is read again for a rule that changed.
        // Read again for a change of its source's settings, the same days are compared too: a setting changed the night a log
        // was edited must not carry the edit in with exit 0 (helper-91: `pending_max_hours = 25` beside 100 items made 900).
        // A file back at its path after a night marked its line gone is held to what that line still counts, as a file that
        // never left is: put back with other figures for its days, it was counted with exit 0, listed only as in doubt
        // (helper-161). Put back as it was (a share mounted again, a restore), it gives the same figures: no finding.
        if plan == .full, let known, known.status == .present || known.status == .gone, known.format == spec.format, known.changedAt != 0,
           !IngestPlan.hasOtherOfficeHours(known, than: officeHoursText) {
            restating[display] = RestatedDays.Cause(readIn: known.timeZone, configured: zone)
        }
        if plan == .full { paths[display, default: RunPath()].replacing = true }
        if dryRun {
            summary.planned.append(.init(path: display, format: spec.format, plan: plan.label))
            return nil
        }
        guard let store else { return nil }
        if plan == .unchanged {
            countUnchanged(display: display, slot: paths.index(forKey: display), format: spec.format, store: store, dryRun: false, summary: &summary)
            return nil
        }
        var context = ParseContext(clock: configuration.clock, displayPath: display, encoding: spec.encoding, today: today, now: now,
                                   pendingMaxAge: configuration.pendingMaxAge)
        context.absentPaths = absentPaths
        // Not when that line was taken over tonight by a file at another path (moved back among the sources).
        if spec.readsTranscripts, let gone = try legacyTranscriptNames(store: store).countedUnderOldName(of: display),
           try store.source(path: gone)?.status == .gone {
            context.runsCountedElsewhere[RunKeyHash.of(TranscriptRecording.name(of: display))] = gone
        }
        var record = SourceFileRecord(path: display, format: spec.format, size: status.size, sha256: "",
                                      modifiedAt: status.modifiedAt, inode: status.inode)
        record.changedAt = status.changedAt
        record.timeZone = zone
        record.bornAt = status.bornAt
        // A full read hashes the file first, so that a copy of a file already counted is not parsed at all;
        // except where that costs a second reading of every file.
        var wholeFile: SHA256? = nil
        var original: String? = nil
        var background: BackgroundHash? = nil
        var inline: FileDigest? = nil
        if case .full = plan, spec.parser.digestsWhileReading(path: path) || (resumable == nil && status.size >= Self.backgroundHashBytes) {
            // Hashed while it is parsed, by the parser from the blocks it reads where it can (a robot's daily log or a
            // scheduled daily export, whatever its size: a city has thousands, and each was read twice), else on a
            // thread of its own; a copy of a counted file is then parsed for nothing, but is still recorded as a copy
            // and counted once.
            if spec.parser.digestsWhileReading(path: path) {
                inline = FileDigest()
                context.digest = inline
            } else {
                background = BackgroundHash(path: path, size: status.size)
            }
            newHashThisRun[display] = ""
        } else if case .full = plan {
            var hasher = SHA256()
            guard hasher.update(fileAt: path, from: 0, to: status.size) else {
                try unreadable(display, format: spec.format, reason: Self.readFailure(path: path, display: display).description, store: store, summary: &summary)
                return nil
            }
            record.sha256 = hasher.finalizeHex()
            wholeFile = hasher
            // The same export saved under a second name counts once: under the name read first.
            original = try settle(record.sha256, at: display, store: store, summary: &summary)
        }
        newHashThisRun[display] = record.sha256
        let read = FileRead(path: path, display: display, spec: spec, plan: plan, record: record, wholeFile: wholeFile, context: context,
                            collector: makeCollector())
        read.duplicateOf = original
        read.backgroundHash = background
        read.inlineDigest = inline
        readingsPrepared += 1
        read.sequence = readingsPrepared
        return read
    }

    /// Records what reading a file gave, in one transaction; on the job's thread, in the files' order.
    func commit(_ read: FileRead, store: KoukaStore, summary: inout NightlySummary) throws {
        let display = read.display
        defer { recorded.insert(display) }
        if isSuperseded(read) { return }
        if read.backgroundHash != nil || read.inlineDigest != nil {
            // A robot's log read to its end has its hash already (`FileRead.wholeFile`); what a reading that stopped
            // early did not hand over is read here.
            guard let hasher = read.wholeFile ?? read.backgroundHash?.wait() ?? read.inlineDigest?.complete(path: read.path, size: read.record.size) else {
                try mustReadForEndedRuns(display, failure: Self.readFailure(path: read.path, display: display))
                try unreadable(display, format: read.spec.format, reason: Self.readFailure(path: read.path, display: display).description, store: store,
                               summary: &summary)
                return
            }
            read.record.sha256 = hasher.finalizeHex()
            newHashThisRun[display] = read.record.sha256
            read.duplicateOf = try settle(read.record.sha256, at: display, store: store, summary: &summary)
        }
        if let original = read.duplicateOf, countsNothingThisRun.contains(original) {
            // Settled as a copy before the file it copies was rejected (read in another source's format): it is read
            // as the file it is, and counts what it holds.
            try readAsItsOwn(read, store: store, summary: &summary)
            return
        }
        if let original = read.duplicateOf {
            // A copy counts nothing: files that left runs out for what it counted before count them again.
            var ended = RunsEndedHere()
            try findRunsNoLongerCounted(display, format: read.spec.format, newRuns: nil, in: &ended, store: store)
            // And its runs still running when it was last read that no file holds now are named, as a file read again names
            // them (helper-83's waiting_run_dropped_by_quiet_copy.sh: dropped without a word).
            _ = try noteWaitingRunsNoLongerHeld(display, format: read.spec.format, collector: makeCollector(), leftOut: [:], store: store, asCopy: true)
            var duplicate = read.record
            duplicate.status = .duplicate
            duplicate.rejectReason = file(at: original) == nil ? Self.copyOfDeletedReason(original) : "the same bytes as \(original), which is counted"
            duplicate.byteOffset = read.record.size
            try store.replaceContribution(of: duplicate, rollups: [:], rejections: [])
            if try store.source(path: original)?.holdsNoRecord == true {
                logger.info("source file has the bytes of a file that holds no record", metadata: ["file": "\(display)", "original": "\(original)"])
            } else {
                summary.filesDuplicate.append(.init(path: display, reason: duplicate.rejectReason!))
                logger.warning("source file is a copy of another; counted once", metadata: ["file": "\(display)", "original": "\(original)"])
            }
            try settle(ended, endedIn: display, store: store, summary: &summary)
            return
        }
        // Its rollups, or its run ids, were changed behind Kouka's back since they were recorded: adding the part appended to
        // them would record a new digest over the edit, which verify could then no longer see once the log is gone. Read
        // whole instead.
        if case let .append(known) = read.plan, read.failure == nil, let edited = try Self.editedInStore(known.id, store: store) {
            summary.filesEditedInStore.append(.init(path: display, reason: "its \(edited) in the store are not those recorded when it was read (changed outside Kouka): read whole again, the store holds what the file gives; kouka-audit verify names any other change, and the store's backups show who changed it"))
            logger.warning("source file's rollups or run ids were changed outside Kouka; read whole again", metadata: ["file": "\(display)", "changed": "\(edited)"])
            guard let whole = try prepare(path: read.path, display: display, spec: read.spec, store: store, forced: true, dryRun: false, summary: &summary)
            else { return }
            whole.read()
            try commit(whole, store: store, summary: &summary)
            return
        }
        // The part appended holds a run the part read before counts (its lines again, or a line after its end), ended or
        // waiting: read on, it would count twice, or not as its lines together say. The whole file is read again instead.
        if case let .append(known) = read.plan, read.failure == nil,
           try store.counts(anyOf: Self.stream(read.collector), or: read.parsed.pendingRunKeys, source: known.id) {
            logger.notice("source file is read whole: its appended lines hold a run it counted before", metadata: ["file": "\(display)"])
            guard let whole = try prepare(path: read.path, display: display, spec: read.spec, store: store, forced: true, dryRun: false, summary: &summary)
            else { return }
            whole.read()
            try commit(whole, store: store, summary: &summary)
            return
        }
        // Runs another file already counts (overlapping exports) are read again and left out here; rows only
        // identical to another file's (no run id tells) are counted, and flagged.
        var identical: [UInt64: String] = [:]
        var endedHere = RunsEndedHere()
        if read.failure == nil, let keys = Self.stream(read.collector),
           case let beside = try countedBeside(keys, parser: read.spec.parser, format: read.spec.format, display: display, store: store),
           case let counted = try store.runsCountedElsewhere(in: keys, format: read.spec.format, otherThan: display,
                                                             anyDay: read.spec.parser.redatesEndedRuns && !keys.unfinished.isEmpty,
                                                             unfinishedAnyDay: !read.spec.parser.keepsTheDayOfOpenRuns,
                                                             where: { try stands($0, store: store) })
                .merging(try countedIn(read.parsed.runsGoingOnAfter, otherThan: display, store: store), uniquingKeysWith: { found, _ in found })
                .merging(beside, uniquingKeysWith: { found, _ in found })
                .merging(try countedLater(keys, parser: read.spec.parser, format: read.spec.format, display: display, store: store),
                         uniquingKeysWith: { found, _ in found })
                .merging(runsToLeaveOut(of: display), uniquingKeysWith: { _, named in named }),
           !counted.isEmpty {
            if read.spec.parser.logsRowKeys {
                identical = counted.mapValues(\.path)
            } else {
                endedHere = try takeOver(counted, unfinishedHere: keys.unfinished, unansweredHere: keys.unanswered, goingOnAfter: read.parsed.runsGoingOnAfter,
                                         repeatedAfter: beside.filter { $0.value.path > display }.mapValues(\.path),
                                         goneKeepsOpenRuns: read.spec.parser.keepsTheDayOfOpenRuns,
                                         recordedAs: read.spec.parser.datesRunsAsExported ? try store.source(path: display)?.id : nil, store: store)
                if !endedHere.leftOut.isEmpty { read.readAgain(leavingOut: endedHere.leftOut, fresh: makeCollector()) }
            }
        }
        if read.failure == nil, !read.spec.parser.logsRowKeys, let keys = Self.stream(read.collector), !keys.unfinished.isEmpty,
           try findRunsHeldFurtherOnByDeletedFiles(keys, format: read.spec.format, in: &endedHere, store: store) {
            read.readAgain(leavingOut: endedHere.leftOut, fresh: makeCollector())
        }
        if let failure = read.failure {
            try mustReadForEndedRuns(display, failure: failure)
            switch failure {
            case let error as InputError:
                try unreadable(display, format: read.spec.format, reason: error.description, store: store, summary: &summary)
            case let error as FormatMismatch:
                let hint = FileShape.hints(path: read.path, encoding: read.spec.encoding, format: read.spec.format)
                    .map { "; \($0)" } ?? ""
                try rejectWhole(read.record, reason: error.reason + hint, store: store, summary: &summary, message: error.description + hint)
            case let error as CSVError:
                let hint = FileShape.hints(path: read.path, encoding: read.spec.encoding, format: read.spec.format)
                    .map { "; \($0)" } ?? ""
                try rejectWhole(read.record, reason: error.reason + hint, store: store, summary: &summary, message: error.description + hint)
            default:
                throw failure
            }
            return
        }
        let collector = read.collector
        let parsed = read.parsed
        var record = read.record
        if let reason = grownAfterTheirDay.removeValue(forKey: display) { try store.noteLoss(path: display, reason: reason, kind: .robotLogRewritten) }
        if let before = rewrittenLogs.removeValue(forKey: display), before.sha256 != record.sha256 {
            summary.robotLogsRewritten.append(.init(path: display, reason: "a robot's log of \(DatedLogName(display)?.date.description ?? "a day that is over") holds other bytes than when it was read (\(before.doubt)), though a robot only adds lines to today's log: it was changed by someone, and its figures now follow what it holds. Find out who changed it; put the robot's own log back if it was edited, then run kouka-nightly"))
            // Kept with the file's commit, as the losses are: a run killed before its summary leaves it for the next to state
            // (helper-145 #3: the file unchanged since, no later run could find it again).
            try store.noteLoss(path: display, reason: summary.robotLogsRewritten[summary.robotLogsRewritten.count - 1].reason, kind: .robotLogRewritten)
            logger.warning("a robot's log of a day that is over was changed", metadata: ["file": "\(display)"])
        }
        let repeated = collector.rejections.count(where: \.isRepeatedRun)
        // A robot's rows identical (task, start, status) to an earlier row of the same file: counted each, as rows identical
        // to another file's are, and flagged for the same reason: nothing shows whether they are one run exported twice.
        let identicalInFile = read.spec.parser.rowKeysAreRobotRuns ? Self.rowsRepeatingEarlierRows(collector) : 0
        if case let .append(known) = read.plan {
            record.rowsRead = known.rowsRead + parsed.recordsRead
            record.rowsRejected = known.rowsRejected + collector.rejections.count
            record.rowsRepeated = known.rowsRepeated + repeated
            record.rowsIdentical = known.rowsIdentical + identical.count + identicalInFile
        } else {
            record.rowsRead = parsed.recordsRead
            record.rowsRejected = collector.rejections.count
            record.rowsRepeated = repeated
            record.rowsIdentical = identical.count + identicalInFile
        }
        record.rowsAccepted = record.rowsRead - record.rowsRejected
        // A run this file holds ended, left out for a file that counts it unfinished and cannot be read again yet, waits
        // with the file's pending runs: the file is read again every night, and names that file, until it can be.
        let starts = try Self.runStarts(parsed.endsOfRunsStartedBefore, store: store)
        try findEnds(parsed.endsOfRunsStartedBefore, startedIn: starts, in: &endedHere, store: store)
        try findCopies(ofRejected: parsed.rejectedRunsGoingOnAfter, in: &endedHere, store: store)
        if case .append = read.plan {} else {
            // A run without an id of its own is known by its start's instant, which another zone moves: read again in it, the
            // file is held to its sums over all days instead (`RestatedDays.inAll`), not to keys no zone change keeps.
            if !readForTimeZone.contains(display) {
                try findRunsNoLongerCounted(display, format: read.spec.format, newRuns: Self.stream(collector), countedElsewhere: Set(endedHere.leftOut.keys),
                                            in: &endedHere, store: store)
            }
            try findFilesLeavingRunsOutWhileAway(display, format: read.spec.format, in: &endedHere, store: store)
        }
        record.pendingRuns = parsed.pendingRuns + endedHere.keptBy.values.reduce(0, +)
        let rollups = read.orderedRollups
        // The hours its chatbot answers were judged by; an append keeps the file's (the plan is full when they changed).
        let appendedTo: SourceFileRecord? = if case let .append(known) = read.plan { known } else { nil }
        record.officeHours = appendedTo?.officeHours != nil || rollups.contains(where: { $0.key.family == .chatbot })
            ? configuration.officeHours.ledgerText : nil
        let appended: Bool
        var waiting = try Self.waitingRunsItDoesNotHold(collector)
        // The logs of the starts of the runs whose end it holds: listed with it among a report's sources.
        let partOf = starts.files.map(\.path)
        if case .append = read.plan {
            try store.appendContribution(of: record, orderedRollups: rollups, rejections: collector.rejections, runKeys: Self.stream(collector),
                                        leftOut: collector.leftOut, openRuns: collector.openRuns, waitingRuns: waiting)
            if !partOf.isEmpty, let id = try store.source(path: display)?.id { try store.recordRunParts(of: id, countedIn: partOf) }
            appended = true
            // Its bytes now, for a copy of it met later this run (`counted`): a file read on from where it stopped has its
            // whole hash only once the part appended is read.
            newHashThisRun[display] = record.sha256
            if readingAgainForEndedRuns == 0 { gain(RunsLost.perDay(rollups: rollups, rejections: collector.rejections), format: read.spec.format) }
        } else {
            // Read again for runs another file now counts, from the bytes it was read as: what it no longer counts is those.
            if readingAgainForEndedRuns == 0 {
                let before = try store.eventsPerDay(ofSourceAt: display)
                let cause = restating.removeValue(forKey: display)
                if readForTimeZone.contains(display) {
                    // Its runs are dated in another zone now: a run may move to the day before or after.
                    if let lost = RunsLost.inAll(before: before, rollups: rollups, rejections: collector.rejections) {
                        summary.filesLosingRuns.append(.init(path: display, reason: RunsLost.reasonInAll(lost)))
                        try store.noteLoss(path: display, reason: RunsLost.reasonInAll(lost))
                        logger.warning("source file read again holds fewer runs than it counted", metadata: ["file": "\(display)"])
                    } else if cause != nil, !read.spec.parser.keepsTheDayOfOpenRuns {
                        // Its runs move between days with the zone, so only its sums over all days can be held to what they were.
                        let restated = RestatedDays.inAll(before: try store.sumsPerDay(ofSourceAt: display), after: RestatedDays.perDay(rollups))
                        if !restated.isEmpty {
                            let reason = RestatedDays.reasonInAll(restated)
                            summary.filesRestatingDays.append(.init(path: display, reason: reason))
                            try store.noteLoss(path: display, reason: reason, kind: .restatingDays)
                            logger.warning("source file read again in another time zone gives other figures in all", metadata: ["file": "\(display)"])
                        }
                    }
                } else {
                    // A format that counts a run before its end (a chatbot's last question) changes it in a later export by rule.
                    if let cause, !read.spec.parser.keepsTheDayOfOpenRuns {
                        let settled = Self.settledBefore(lastRead: try store.lastReadingStart(ofSourceAt: display), clock: configuration.clock,
                                                             pendingMaxAge: configuration.pendingMaxAge)
                        let restated = RestatedDays.days(before: try store.sumsPerDay(ofSourceAt: display), after: RestatedDays.perDay(rollups), settledBefore: settled)
                        if !restated.isEmpty {
                            let reason = RestatedDays.reason(restated, cause: cause)
                            summary.filesRestatingDays.append(.init(path: display, reason: reason))
                            // Kept with the file's commit: a run killed before its summary leaves it for the next to state.
                            try store.noteLoss(path: display, reason: reason, kind: .restatingDays)
                            logger.warning("source file read again gives other figures for days it counted", metadata: ["file": "\(display)"])
                        }
                    }
                    let after = RunsLost.perDay(rollups: rollups, rejections: collector.rejections)
                    let days = RunsLost.days(before: before, after: after)
                    if !days.isEmpty {
                        losses.append((display, read.spec.format, days, cause == .otherSettings, parsed.studioRuns))
                        try store.noteLoss(path: display, reason: RunsLost.reason(days, bySettings: cause == .otherSettings, fromStudio: parsed.studioRuns))
                    }
                    gain(after, beyond: before, format: read.spec.format)
                }
                // Only DeepL's usage answers hold running totals: a city's thousands of other files ask nothing more. Read again
                // with other settings of its source (its task, its zone), a period's name or day may move by the city's choice:
                // no loss of its bytes (helper-134: a task renamed in kouka.toml named as periods saved over).
                if read.spec.parser.holdsRunningTotals, cause == nil || cause == .sameSettings, !readForTimeZone.contains(display) {
                    let periodsHeld = Set(rollups.lazy.filter { $0.key.cumulative && !$0.key.undatedPeriod }
                        .map { KoukaStore.RunningTotalPeriod(start: $0.key.date, family: $0.key.family.rawValue, taskName: $0.key.taskName) })
                    let periodsGone = try store.runningTotalPeriods(ofSourceAt: display).subtracting(periodsHeld)
                    if !periodsGone.isEmpty {
                        periodsNoLongerHeld[display] = periodsGone
                        // Kept with the file's commit, as the other losses are: a run killed before its end leaves it for the next
                        // to state (helper-141), judged against the files recorded so far.
                        let lost = try periodsGone.filter { try !store.holdsRunningTotals(of: $0, otherThan: display) }
                        if !lost.isEmpty { try store.noteLoss(path: display, reason: Self.periodsLostReason(lost.sorted())) }
                    }
                }
            } else if regainingRuns.remove(display) != nil {
                // Runs it counts now, against the runs it counted: its rejections stay what they were, and are no gain.
                gain(RunsLost.perDay(rollups: rollups, rejections: []), beyond: try store.eventsPerDay(ofSourceAt: display), format: read.spec.format)
            }
            if readingAgainForEndedRuns == 0 {
                let carried = try noteWaitingRunsNoLongerHeld(display, format: read.spec.format, collector: collector, leftOut: endedHere.leftOut,
                                                              store: store)
                waiting += carried
                record.pendingRuns += carried.count
            }
            let id = try store.replaceContribution(of: record, orderedRollups: rollups, rejections: collector.rejections, runKeys: Self.stream(collector),
                                                   leftOut: collector.leftOut, openRuns: collector.openRuns, waitingRuns: waiting)
            if !partOf.isEmpty { try store.recordRunParts(of: id, countedIn: partOf) }
            appended = false
        }
        // A file read on holds the lines of its runs still running when it was last read; such a run counted in another file
        // since rejects lines read then (its start, as a repeated run): judged this night, they are among its rows read, or
        // the night would state fewer than 0 rows accepted.
        let judgedAgain = appendedTo.map { known in collector.rejections.count { $0.line > 0 && $0.line < known.resumeLine } } ?? 0
        var tally = FileTally(appended: appended, rowsRead: parsed.recordsRead + judgedAgain, rowsRejected: collector.rejections.count, rowsRepeated: repeated,
                              pendingRuns: parsed.pendingRuns, rowsIdentical: identical.count + identicalInFile,
                              runsUnfinished: rollups.reduce(0) { $0 + ($1.key.outcome == .unfinished ? $1.totals.events : 0) })
        if !identical.isEmpty || identicalInFile > 0 {
            let reasons = (identical.isEmpty ? [] : [Self.identicalReason(identical.count, files: Set(identical.values))])
                + (identicalInFile > 0 ? [Self.identicalInFileReason(identicalInFile)] : [])
            summary.identicalRows.append(.init(path: display, reason: reasons.joined(separator: "; ")))
            logger.warning("rows identical to other rows; counted each", metadata: ["file": "\(display)", "rows": "\(identical.count + identicalInFile)"])
        }
        if tally.runsUnfinished > 0 {
            summary.unfinishedRuns.append(.init(path: display, reason: Self.unfinishedReason(tally.runsUnfinished)))
            logger.warning("runs never reported their end; counted as failures", metadata: ["file": "\(display)", "runs": "\(tally.runsUnfinished)"])
        }
        for rejection in collector.rejections {
            if summary.rejections.count < 50 { summary.rejections.append(rejection) }
            tally.rejectionKinds[Self.reasonKind(rejection.reason), default: 0] += 1
            logger.warning("row rejected", metadata: ["file": "\(rejection.file)", "line": "\(rejection.line)", "reason": "\(rejection.reason)"])
        }
        // A file has hundreds of days of a few dozen names, and a city's history thousands of files of the same
        // names: each name is matched against the catalog once a run.
        let unclassified = read.spec.parser.unclassifiedNames
        for (key, sums) in rollups where NightlySummary.UnmappedName.isListed(key, catalogRows: &catalogRows, unclassified: unclassified) {
            let name = "\(key.family.rawValue)\u{0}\(key.taskName)"
            unmapped[name, default: .init(system: key.family.rawValue, name: key.taskName, runs: 0)].runs += sums.events
            tally.unmapped[name, default: 0] += sums.events
        }
        noteRunsInAnotherUnit(of: display, format: read.spec.format, rollups: rollups)
        if parsed.studioRuns > 0 {
            summary.runsFromStudio.append(.init(path: display, reason: Self.studioReason(parsed.studioRuns)))
            // Kept with the file's commit, as the losses are: a run killed before its summary leaves it for the next to state.
            try store.noteLoss(path: display, reason: Self.studioReason(parsed.studioRuns), kind: .runsFromStudio)
            logger.notice("runs started from Studio; not counted", metadata: ["file": "\(display)", "runs": "\(parsed.studioRuns)"])
        }
        summary.add(tally)
        for note in parsed.notes {
            logger.notice("read but not counted", metadata: ["file": "\(display)", "note": "\(note)"])
        }
        if let day = parsed.datedByModificationTime {
            summary.filesDatedByModificationTime.append(.init(path: display, reason: "its name holds no date Kouka reads (2025-03-24, 2025.03.24, 20250324, 2025年3月24日, 令和7年3月24日, R7.3.24, 平成31年4月30日), so its records are dated by when the file was last written: \(day) (\(FiscalYear(containing: day).japaneseLabel)); a file copied onto the share later than it was made lands on the day of the copy: name it by its date (2025-03-24_庁議.srt or 2025年3月24日_庁議.srt) and run kouka-nightly"))
            logger.notice("file dated by its modification time", metadata: ["file": "\(display)", "day": "\(day)"])
        }
        logger.info("source file read", metadata: [
            "file": "\(display)", "format": "\(read.spec.format)", "plan": "\(read.plan.label)", "rows": "\(collector.aggregator.eventCount)",
            "rejected": "\(collector.rejections.count)", "pending": "\(record.pendingRuns)",
        ])
        tallies[display] = tally
        try settle(endedHere, endedIn: display, store: store, summary: &summary)
    }

    /// What the summary says of a file's runs that never reported their end.
    static func unfinishedReason(_ runs: Int) -> String {
        "\(runs) run(s) never reported their end (still running after pending_max_hours, or the robot's log closed without the run's end line): counted as failed runs (a task counted in runs saves nothing for them and is charged their rework; one counted in items keeps the items they handled and is charged for their failed items only); check the robot or the export"
    }

    /// What the summary says of a file's UiPath runs started from Studio.
    static func studioReason(_ runs: Int) -> String {
        "\(runs) run(s) started from UiPath Studio (initiatedBy Studio, StudioX or StudioPro: a developer running the process from the designer): not production runs, so not counted — no hours saved, no success or failure, no rework; runs started by Orchestrator, Assistant or the robot's command line count. If this robot's production runs are started from Studio, start them from Assistant or Orchestrator. A log counted before 0.5.14 with such runs is also named under filesLosingRuns for the days they fall from"
    }

    /// What the summary says of a file read again because its chatbot answers were judged by other office hours.
    static func officeHoursReason(was: String, now: String) -> String {
        let then = OfficeHours(ledgerText: was) == nil ? "hours not recorded (it was read by an earlier Kouka)" : "office hours \(was)"
        return "its chatbot answers were judged by \(then) when it was read; [office_hours] is now \(now): read again whole, so that every report applies these"
    }

    /// What the summary says of a file's rows identical (task, start, status) to earlier rows of the same file.
    static func identicalInFileReason(_ rows: Int) -> String {
        "\(rows) row(s) have the task, start and status of an earlier row of this file: counted each; if the export holds a run twice, map a run_id column so each run counts once, or remove the repeated rows"
    }

    /// How many of the rows a file counted repeat an earlier row's key (task, start, status) in the same file; for a
    /// format whose rows have no run id (`LogParser.logsRowKeys`), whose keys are the rows'.
    static func rowsRepeatingEarlierRows(_ collector: EventCollector) -> Int {
        guard let keys = collector.runKeys else { return 0 }
        var repeats = 0
        keys.forEachDistinct { _, times in repeats += times - 1 }
        return repeats
    }

    /// What the summary says of a file's rows identical (task, start, status) to rows of files read before.
    static func identicalReason(_ rows: Int, files: Set<String>) -> String {
        "\(rows) row(s) have the task, start and status of rows in \(files.sorted().joined(separator: ", ")): counted in both; if the exports overlap, map a run_id column so each run counts once, or remove the overlap"
    }

    /// Files at least this large are hashed while they are parsed rather than before.
    static let backgroundHashBytes: Int64 = 8 << 20

    /// Why a file could not be read to its end: it cannot be opened (its permissions), or it shrank
    /// while it was read.
    static func readFailure(path: String, display: String) -> InputError {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .cannotOpen(path: display, reason: String(cString: strerror(errno))) }
        close(fd)
        return .cannotRead(path: display, reason: "changed while being read")
    }

    /// Takes back from the summary what recording a file added (`tally`), before it is read again in the same run.
    func forget(_ tally: FileTally, of display: String, summary: inout NightlySummary) {
        summary.forget(tally, of: display)
        losses.removeAll { $0.display == display }
        inAnotherUnit[display] = nil
        for (key, runs) in tally.unmapped {
            unmapped[key]?.runs -= runs
            if unmapped[key]?.runs ?? 0 <= 0 { unmapped[key] = nil }
        }
    }

    private func makeCollector() -> EventCollector {
        EventCollector(clock: configuration.clock, officeHours: configuration.officeHours, now: now)
    }

    /// The distinct ids of the runs a file counted, in the order the store keeps them, with their days;
    /// nil when the format has no run ids or nothing was counted.
    static func stream(_ collector: EventCollector) -> RunKeyStream? {
        guard let keys = collector.runKeys, let days = collector.aggregator.dayRange else { return nil }
        return RunKeyStream(days: days, unfinished: keys.unfinished, unanswered: keys.unanswered,
                            firstDayRuns: keys.edges?.runs(on: days.lowerBound, first: true), lastDayRuns: keys.edges?.runs(on: days.upperBound, first: false)) { body in
            try keys.forEachDistinct { hash, _ in try body(hash) }
        }
    }

    /// Whether the file at `path` is the one a ledger line describes under an old name: the same inode and format, and
    /// the same birth time where both are known, whatever it holds now; where one is not known, the part read before
    /// unchanged too.
    static func isSameFile(path: String, status: FileStatus, as old: SourceFileRecord, format: String) -> Bool {
        guard old.inode == status.inode, old.bornAt == nil || status.bornAt == nil || old.bornAt == status.bornAt, old.format == format,
              old.status != .rejected, old.status != .duplicate else { return false }
        // Born with the inode at the same instant: the file itself, renamed, then saved over (a chatbot transcript written
        // again with the reply to its last question). Read whole again, as a file saved over at its own path is, it counts
        // what it holds now; taken for a new file, its old line was left counting the old bytes as a deleted export.
        if let born = old.bornAt, born == status.bornAt { return true }
        guard status.size >= old.byteOffset else { return false }
        if !old.prefixFingerprint.isEmpty { return PrefixFingerprint.of(path: path, length: old.byteOffset) == old.prefixFingerprint }
        return status.size == old.size && SHA256.hexDigest(ofFile: path) == old.sha256
    }

    /// A file the job cannot read: named in the summary and the log, and in the ledger when it was never read
    /// (so that the reports list it); every run tries it again.
    private func unreadable(_ display: String, format: String, reason: String, store: KoukaStore?, summary: inout NightlySummary) throws {
        // Its figures, if it had any, are kept.
        paths[display, default: RunPath()].replacing = false
        summary.filesUnreadable.append(.init(path: display, reason: reason))
        logger.error("cannot read source file; it is skipped and tried again next run", metadata: ["file": "\(display)", "reason": "\(reason)"])
        try store?.recordUnreadable(path: display, format: format, reason: reason)
        // A file that kept the figures of an earlier reading still counts them.
        if let store, try store.source(path: display)?.status == .unreadable { countsNothing(display) }
    }

    /// Records a file that is not its configured format: in the ledger, with no rollups.
    private func rejectWhole(_ record: SourceFileRecord, reason: String, store: KoukaStore, summary: inout NightlySummary, message: String) throws {
        var rejected = record
        rejected.status = .rejected
        rejected.rejectReason = reason
        // Counting nothing now, it gives back the runs other files left out for it.
        var ended = RunsEndedHere()
        try findRunsNoLongerCounted(record.path, format: record.format, newRuns: nil, in: &ended, store: store)
        try store.replaceContribution(of: rejected, rollups: [:], rejections: [Rejection(file: record.path, line: 0, reason: reason)])
        summary.filesRejected.append(.init(path: record.path, reason: reason))
        logger.error("source file rejected whole; nothing of it counted", metadata: ["file": "\(record.path)", "reason": "\(message)"])
        countsNothing(record.path)
        try settle(ended, endedIn: record.path, store: store, summary: &summary)
    }

    /// Marks a file that counts nothing after this run, so that a file with the same bytes is not left out as its copy.
    private func countsNothing(_ display: String) {
        countsNothingThisRun.insert(display)
        if let hash = newHashThisRun[display], readThisRun[copyKey(hash, at: display)] == display { readThisRun[copyKey(hash, at: display)] = nil }
    }

    /// Reads whole and records a file settled as a copy of one that then counted nothing.
    private func readAsItsOwn(_ read: FileRead, store: KoukaStore, summary: inout NightlySummary) throws {
        guard let again = try prepare(path: read.path, display: read.display, spec: read.spec, store: store, forced: true, dryRun: false,
                                      summary: &summary) else { return }
        if let original = again.duplicateOf, countsNothingThisRun.contains(original) {
            throw InputError.cannotRead(path: read.display, reason: "it was taken for a copy of \(original), which counts nothing; run kouka-nightly again")
        }
        again.read()
        try commit(again, store: store, summary: &summary)
    }

    /// A reason without the column's value, so the same problem on many rows is counted once.
    static func reasonKind(_ reason: String) -> String {
        reason.split(separator: ":").first.map(String.init) ?? reason
    }
}

extension SourceIngestor {
    /// The inodes of the files among the sources that the ledger has no line for: a ledger line away from its path
    /// whose inode is one of these may be that file, renamed.
    func inodesOfNewFiles() -> Set<Int64> {
        Set(paths.values.compactMap { path in
            guard path.line == nil, let index = path.file else { return nil }
            return FileStatus(path: files[index].path)?.inode
        })
    }
}
