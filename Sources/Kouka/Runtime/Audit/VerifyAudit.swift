import Foundation

/// `kouka-audit verify`: checks that the figures an auditor signs are what the logs give, by the rules the
/// nightly job counts with, and that nothing was changed behind Kouka's back.
///
/// 1. The logs read again from scratch into a new store by the nightly job's own code (`VerifyReplay`), as of
///    the last nightly run.
/// 2. The ledger, line by line, against itself and the files as that reading found them (`LedgerCheck`); every
///    file's rollups compared with the store's, and every file read again its run ids (`RunKeyComparison`).
/// 3. Each fiscal year's report rebuilt from both stores and compared field by field, and the written report
///    JSON compared with the store's.
package struct VerifyAudit {
    package var configuration: Configuration
    /// The fiscal years whose reports are compared (default: every year with rollups).
    package var fiscalYears: [FiscalYear]?
    /// The time the logs are read again as of (default: the start of the last finished nightly run).
    package var now: Date?
    /// Whether the logs' reports are begun before every file's standing is settled (`VerifyLogSide`); nil: unless files are
    /// foreseen to be taken as stored. Tests set it, so that both ways are tried on the same stores.
    package var logReportsEarly: Bool?

    package init(configuration: Configuration, fiscalYears: [FiscalYear]? = nil, now: Date? = nil) {
        self.configuration = configuration
        self.fiscalYears = fiscalYears
        self.now = now
    }

    /// Compares, reading the store as one snapshot: a nightly run that commits meanwhile cannot make the
    /// store's figures differ from the rollups read before them. The store's pages are checked whole first.
    package func run() throws -> VerifySummary {
        try ReportContext.reading(configuration: configuration, removedDigests: true) { context in try verify(context) }
    }

    private func verify(_ context: ReportContext) throws -> VerifySummary {
        var summary = VerifySummary()
        let (asOf, exact) = try now.map { ($0, true) } ?? lastNightly(context.store)
        summary.asOf = UTCTimestamp.string(from: asOf)
        let (files, specs) = SourceSettingsCheck.sourceFiles(configuration)
        try SourceSettingsCheck.check(context.ledger, specs: specs, configuration: configuration, before: "verifying")
        // Read from the snapshot before the store's side has it.
        let gone = try GoneFileRunKeys.of(context.ledger, notAmong: Set(files.keys), store: context.store)
        // The store's side is read while the logs are read again; `context` is its own until it is done. Its thread gives
        // way to the replay's, whose recording thread is the run's critical path: it has the time they leave idle (at 18,260
        // daily logs verification took 13.4 s instead of 14.7, the median of six alternated runs).
        let onDisk = Set(files.keys)
        // The written reports' years, for both sides: listed once, before either begins.
        let written = fiscalYears == nil ? try WrittenReportCheck.writtenFiscalYears(in: configuration.outputPath) : []
        let storeSide = BackgroundWork(yielding: true) {
            try VerifyStoreSide(reading: context, fiscalYears: fiscalYears, writtenYears: written, onDisk: onDisk)
        }
        defer { storeSide.waitUntilDone() }
        // In the order the store first recorded the files: of two exports holding one run, the store's counts it. A file the
        // store holds as a copy comes after every counted file: saved over with another's bytes, it is the copy even when
        // the store recorded it first, and read first it would be taken for the original.
        let order = FirstRecordedOrder.of(context.ledger.lazy.map { (id: $0.id, path: $0.path, isCopy: $0.status == .duplicate) })
        let arrived = Self.arrived(after: asOf, exact: exact, files: files, ledger: context.ledger)
        let copiesOfDeleted = Self.copiesOfDeletedFiles(context.ledger, files: files)
        let replay = try VerifyReplay(configuration: configuration, now: asOf, gone: gone, order: order, leavingOut: arrived.union(copiesOfDeleted))
        defer { replay.remove() }
        var replayLedger = try replay.store.sources()
        // The logs' reports are begun now, on their own connection to the replayed store, while the store's side finishes;
        // not when files will be taken as stored, which would throw that work away. Their own snapshot needs the replayed
        // store in WAL mode: in another, a snapshot held would keep those files from being written.
        var replayConfiguration = configuration
        replayConfiguration.databasePath = replay.configuration.databasePath
        let asked = fiscalYears
        let early = try replay.store.journalMode() == "wal" && (logReportsEarly ?? !VerifyLogSide.foreseesFilesTakenAsStored(
            ledger: context.ledger, files: files, copiesOfDeleted: copiesOfDeleted, replayed: replayLedger))
        let logSide = VerifyLogSide(replayed: replayConfiguration, asOf: context.asOf, early: early) { VerifyStoreSide.yearsCompared(asked, rollups: $0, written: written) }
        defer { logSide.abandon() }
        var replayChanged = false
        let facts = try storeSide.value()
        var check = facts.ledgerCheck
        try check.checkFiles(of: context.ledger, files: files, read: VerifyReplay.digestsOfFilesReadWhole(replayLedger), arrived: arrived)
        for display in arrived.sorted() {
            summary.filesSkipped.append(check.moved[display].map { "\(display): moved here from \($0) after the last nightly run, which counted it there: the next run records the move" }
                                        ?? "\(display): arrived after the last nightly run: counted by the next run")
        }
        summary.differences += check.differences
        summary.differences += facts.sealDifferences
        summary.differences += facts.runKeyDigestDifferences
        summary.storeEditsAccepted = facts.storeEditsAccepted

        let all = ReportContext.everyDay
        let stored = facts.rollups, quarantine = facts.quarantine
        for (path, reason) in try RunsEndedInGoneLogs.find(ledger: context.ledger, onDisk: Set(files.keys), specs: specs, store: context.store,
                                                          replay: replay.store) {
            check.standing[path] = .takenAsStored(reason)
        }
        for (path, reason) in RunsGoingOnInGrownLogs.find(ledger: context.ledger, standing: check.standing, specs: specs) {
            check.standing[path] = .takenAsStored(reason)
        }
        for line in context.ledger {
            // A copy no longer among the sources cannot be read again either, nor can a copy of a deleted file be told from
            // its own bytes (`copiesOfDeletedFiles`): the store's line for it stands, as the report counts it among the copies.
            if line.status == .duplicate, files[line.path] == nil || copiesOfDeleted.contains(line.path) {
                summary.filesSkipped.append(files[line.path] == nil ? "\(line.path): a copy gone from disk, taken as the store has it"
                                            : "\(line.path): a copy of a file the store holds as deleted (its bytes are those), taken as the store has it")
                try replay.takeAsStored(line, rollups: [], rejections: quarantine[line.path] ?? [])
                replayChanged = true
                continue
            }
            guard case let .takenAsStored(reason)? = check.standing[line.path] else {
                if check.standing[line.path] != nil { summary.filesChecked += 1 }
                continue
            }
            summary.filesSkipped.append("\(line.path): \(reason)")
            try replay.takeAsStored(line, rollups: stored[line.id] ?? [], rejections: quarantine[line.path] ?? [])
            replayChanged = true
        }
        // The replayed store is final: the logs' reports are built while their rollups are compared.
        let logReports = logSide.settle(years: facts.reports.map(\.year), replayChanged: replayChanged)
        defer { logReports.waitUntilDone() }
        // Read again once files were taken as stored: their contribution gave them lines of their own.
        if !summary.filesSkipped.isEmpty { replayLedger = try replay.store.sources() }
        let knownPaths = Set(context.ledger.map(\.path))
        for line in replayLedger where !knownPaths.contains(line.path) && (line.status == .present || line.status == .duplicate) {
            summary.differences.append(.init(kind: "ledger", subject: line.path, field: "line", found: "none", expected: line.status.rawValue,
                                             detail: "the logs hold this file but the store's ledger has no line for it: its runs are missing from every figure; run kouka-nightly, and if it read the file before, the line was removed behind Kouka's back"))
        }
        // Only files whose rollup digests differ can differ: on a store that agrees with its logs no rollup of
        // the replayed store is loaded.
        let compared = RollupComparison.filesToCompare(stored: context.ledger, storedDigests: facts.ledgerCheck.rollupDigests,
                                                       replayed: replayLedger, replayedDigests: try replay.store.recordedRollupDigests())
        if !compared.isEmpty {
            let keeping = facts.keepingQuality
            let expected = VerifyStoreSide.byPath(Dictionary(grouping: try replay.store.rollups(from: all.from, to: all.to), by: \.sourceID), ledger: replayLedger)
            summary.differences += RollupComparison.differences(
                stored: VerifyStoreSide.byPath(stored, ledger: context.ledger.filter { compared.contains($0.path) }),
                expected: RollupComparison.withoutQuality(expected.filter { compared.contains($0.key) },
                                                          paths: Set(context.ledger.filter { !keeping.contains($0.id) }.map(\.path))))
        }
        // Files read again must keep the run ids their reading gives: rollups that agree do not show them removed.
        summary.differences += try RunKeyComparison.differences(
            store: context.store, ledger: context.ledger, digests: facts.runKeyDigests, rollups: stored, standing: check.standing,
            replay: replay.store, replayedLedger: replayLedger)

        for (((year, fromStore), expected), written) in zip(zip(facts.reports, try logReports.value()), facts.writtenReports) {
            for d in try ReportComparison.differencesAsCounted(found: fromStore, expected: expected) {
                summary.differences.append(.init(kind: "store-report", subject: "FY\(year.startYear)", field: d.field, found: d.found, expected: d.expected,
                                                 detail: "the store's figure is not the one the logs give"))
            }
            summary.reportsChecked += written.reportsChecked
            summary.reportsRenderedByAnotherVersion += written.reportsRenderedByAnotherVersion
            summary.reportsStillHolding += written.reportsStillHolding
            summary.differences += written.differences
        }
        summary.reportsChecked += facts.writtenMonthReports.reportsChecked
        summary.reportsRenderedByAnotherVersion += facts.writtenMonthReports.reportsRenderedByAnotherVersion
        summary.reportsStillHolding += facts.writtenMonthReports.reportsStillHolding
        summary.differences += facts.writtenMonthReports.differences
        for folder in try WrittenReportCheck.setsWithoutJSON(in: configuration.outputPath) {
            summary.differences.append(.init(kind: "written-report-unreadable", subject: folder, field: "file", found: "none", foundIn: "report",
                                             expected: "the set's JSON", expectedFrom: "SHA256SUMS",
                                             detail: "this report set has no JSON, whose figures verify compares with the store and from which its other files are checked: it was removed after the set was written; re-run kouka-report for it"))
        }
        for finding in try ReportManifest.checkReportFolders(in: configuration.outputPath) {
            summary.differences.append(.init(kind: "report-manifest", subject: finding.path, field: finding.kind.rawValue, found: finding.found ?? "none",
                                             foundIn: "report", expected: finding.listed ?? "none", expectedFrom: "SHA256SUMS", detail: finding.description))
        }
        summary.exitCode = summary.differences.isEmpty ? .done : .doneWithFindings
        return summary
    }

    /// The start of the last nightly run that finished: what the store's figures are as of.
    /// The files among the sources that the ledger has no line for and whose inode changed after `asOf` (the start of the
    /// last nightly run): created, copied in or renamed since, which that run could not read. Read again, a new day's log
    /// would change what the runs of the day before count, and be named as a difference, as if the store had been changed
    /// behind Kouka's back. A file the run could have read stays: that the ledger has no line for it is a difference.
    /// `exact`: `asOf` is the run's start to the store's precision; else it was kept in whole seconds, and a file changed
    /// within its first second may have been read by it.
    static func arrived(after asOf: Date, exact: Bool = true, files: [String: String], ledger: [SourceFileRecord]) -> Set<String> {
        let known = Set(ledger.map(\.path))
        // A file the run did not record that changed after it started was not there when it listed its files (it lists
        // them after it starts, and records every file it lists).
        let instant = exact ? asOf.timeIntervalSince1970 : asOf.timeIntervalSince1970.rounded(.down) + 1
        return Set(files.filter { display, path in
            guard !known.contains(display), let status = FileStatus(path: path) else { return false }
            return status.changedAt > instant
        }.keys)
    }

    /// The start of the last finished nightly run, and whether it is exact: the instant the run recorded (`started_instant`,
    /// since 0.5.0), else its start in whole seconds.
    private func lastNightly(_ store: KoukaStore) throws -> (Date, Bool) {
        let finished = try store.jobRuns().last { $0.job == "kouka-nightly" && $0.state == .finished }
        guard let finished, let instant = Timestamp(finished.startedAt)?.instant(in: configuration.clock) else {
            throw NoFinishedNightlyRun(database: configuration.databasePath)
        }
        if let exact = try store.startedInstant(ofRun: finished.id) { return (Date(timeIntervalSince1970: exact), true) }
        return (instant, false)
    }
}
