import Foundation
import Logging

/// `kouka-nightly`: reads what is new in every source file the configuration names, and records each
/// file's contribution to the store in one transaction. An unchanged file is skipped without being read,
/// an appended log is read on from where the last run stopped, and anything else is read whole and
/// replaces the file's earlier contribution — so a re-run changes nothing, and a run killed at any point
/// loses nothing.
package struct NightlyJob {
    package var configuration: Configuration
    package var logger: Logger
    package var options: NightlyOptions

    package init(configuration: Configuration, logger: Logger, options: NightlyOptions = NightlyOptions()) {
        self.configuration = configuration
        self.logger = logger
        self.options = options
    }

    /// The job's name in the job-run ledger.
    static let job = "kouka-nightly"

    package func run() throws -> NightlySummary {
        // The time the run reads as of: what verification reads the logs again as of, and a projection's last day.
        let started = options.now ?? Date()
        // A run that fails after it has begun its ledger line ends it as failed, so that what it wrote is
        // stated by the next run to finish; one that is killed is found by that run still running. The lock is
        // held until then, so that no other run finds the line still running meanwhile.
        var begun: (store: KoukaStore, run: Int64, lock: JobLock?)? = nil
        // Once the run's own references are gone with its frame.
        let leftovers = ReleasedAside()
        defer { leftovers.release() }
        do {
            return try ingest(started: started, leftovers: leftovers) { begun = ($0, $1, $2) }
        } catch {
            if let begun { withExtendedLifetime(begun.lock) { endFailed(run: begun.run, started: started, error: error, store: begun.store) } }
            throw error
        }
    }

    private func ingest(started: Date, leftovers: ReleasedAside, begun: (KoukaStore, Int64, JobLock?) -> Void) throws -> NightlySummary {
        // The files are found on a second thread while this one opens the store and reads its ledger (`SourceExpansion`),
        // and looked at there too once found, when their order is the one they are decided in (neither reordered by
        // --since or verification nor thinned out) and the store has a ledger to tell unchanged files by.
        let storeExists = FileManager.default.fileExists(atPath: configuration.databasePath)
        let expansion = SourceExpansion(configuration, prefetching: storeExists && options.order.isEmpty && options.leavingOut.isEmpty && options.since == nil)
        // A configuration whose required source matches nothing, or whose catalog cannot be read, creates no store; the
        // sources' error comes first, as when the files were found before the catalog was read.
        if !storeExists { _ = try expansion.files() }
        let catalog: TaskCatalog
        do { catalog = try TaskCatalogLoader.load(path: configuration.catalogPath) } catch {
            _ = try expansion.files()
            throw error
        }
        if !storeExists, !options.scratchStore, !options.newStore, let missing = try StoreMissing.check(database: configuration.databasePath, output: configuration.outputPath) {
            throw missing
        }
        if !options.dryRun {
            let folder = URL(fileURLWithPath: configuration.databasePath).deletingLastPathComponent()
            do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
                throw OutputError(path: folder.path, reason: "cannot create the database's folder")
            }
        }
        let lock = options.dryRun ? nil : try JobLock(path: configuration.databasePath + ".lock", job: "kouka-nightly")
        defer { withExtendedLifetime(lock) {} }
        let store: KoukaStore? = options.dryRun && !storeExists ? nil : try KoukaStore(path: configuration.databasePath)
        if let store, !options.dryRun {
            try store.tuneForBatchWriting()
            if options.scratchStore { try store.tuneForScratch() }
        }
        // The ledger as the run starts, read once (a city's tens of thousands of lines): it decides the unchanged
        // files, names the lines that lack a rollup digest, and the lines whose files are not among the sources.
        // With the seal this run finds, before it writes anything: one other than the run before left is a change made
        // outside Kouka (`LedgerSealCheck`). Read before the run's own line is begun, which writes none of it (the job's
        // lock keeps other runs out meanwhile), so that the files are found meanwhile.
        var seal: LedgerSealing?
        let ledger: [LedgerIdentity]
        do {
            seal = try store.map { LedgerSealing(readingOldSeal: KoukaStore.readsOldSeal(after: try $0.seals(job: Self.job))) }
            ledger = try store?.ledgerIdentities(sealing: &seal) ?? []
        } catch {
            // Recorded as a failed run, as when its line was begun before the ledger was read.
            if let store, !options.dryRun { beginFailed(store: store, started: started, lock: lock, begun: begun) }
            throw error
        }
        let expanded = try expansion.files()
        var files = expanded.files, displays = expanded.displays
        var prefetch = expanded.prefetch
        defer { prefetch?.finish() }
        var summary = NightlySummary(configuration: configuration.path, database: configuration.databasePath)
        summary.filesMatchedTwice = expanded.matchedTwice
        summary.dryRun = options.dryRun
        summary.sourcesMissing = expanded.missing
        // Said once, the night it happens: a store begun where one was expected (its volume not mounted, with the report
        // folder on it too, so that no set beside it stops the run: helper-196 #2) counts only the logs still on disk.
        if !storeExists, !options.dryRun, !options.scratchStore {
            summary.storeBegun = configuration.databasePath
            logger.warning("a new store was begun: if this city ran Kouka before, its store is missing (a volume not mounted, a wrong database path); stop the timers, mount or restore it, and move this one aside",
                           metadata: ["database": "\(configuration.databasePath)"])
        }
        let sourcesUnread = SourcesUnread.find(missing: expanded.missing, ledger: ledger)
        for index in summary.sourcesMissing.indices where sourcesUnread.contains(summary.sourcesMissing[index].path) {
            summary.sourcesMissing[index].reason += "; it counted files before, so until a run reads it again reports state the store's figures as of the last run that did (速報)"
        }
        for source in expanded.missing { logger.warning("source matches no file", metadata: ["source": "\(source.path)", "reason": "\(source.reason)"]) }
        var runID: Int64? = nil
        if let store, !options.dryRun {
            let id = try beginJobRun(store: store, started: started)
            runID = id
            begun(store, id, lock)
        }
        // The job's runs before this one (read again now that begun: a run left running is named killed), for both the
        // seal to read and the seal to compare with.
        let runsBefore = try store?.seals(job: Self.job).filter { $0.run < runID ?? .max } ?? []
        if let store, let seal {
            // A dry run records nothing, and says what the run would find.
            let found = try store.sealsFound(seal, run: runID, comparedWith: KoukaStore.sealedBefore(runsBefore))
            // A change a run found and was killed before stating: that run left the changed seal as its own, so the seal this
            // run finds is the one left, and only the killed run's own finding tells (helper-100 #3).
            let broken = try store.sealBroken(after: runsBefore, found: found) ?? Self.changeFoundByKilledRuns(runsBefore)
            if options.acceptStoreEdits, runID != nil {
                let accepted = try store.acceptStoreEdits(job: Self.job)
                logger.notice("changes made to the store outside kouka-nightly accepted (--accept-store-edits); kouka-audit verify lists them", metadata: ["changes": "\(accepted)"])
            } else if let broken {
                summary.storeEditedSince = broken.startedAt
                logger.warning("the store's ledger, quarantine or kept catalog versions were changed outside kouka-nightly since the last run: kouka-audit verify names it; restore the store from a backup, or, once the change is looked into, run kouka-nightly --accept-store-edits", metadata: ["since": "\(broken.startedAt)"])
            }
        }
        var catalogVersion: CatalogHistory.Version?
        if let store, !options.dryRun {
            try settleRollupDigests(of: ledger, store: store, summary: &summary)
            try settleRunKeyDigests(store: store)
            catalogVersion = try CatalogHistory.compare(catalog, today: options.today ?? configuration.clock.localDate(of: options.now ?? Date()), store: store)
            summary.catalogRowsChanged = catalogVersion?.changes ?? []
            for change in summary.catalogRowsChanged {
                logger.warning("a catalog row changes days already counted", metadata: ["row": "\(change)"])
            }
        }
        let forcedSince = try options.since.map { try store?.sourcePaths(datedSince: $0) ?? [] } ?? []
        let inTheFuture = try store?.sourcePathsWithRunsInTheFuture() ?? []
        for path in inTheFuture.subtracting(forcedSince).sorted() {
            logger.notice("source file is read again: a run of it was in the future when it was read", metadata: ["file": "\(path)"])
        }
        let forced = forcedSince.union(inTheFuture)
        let ingestor = SourceIngestor(
            configuration: configuration, catalog: catalog, logger: logger,
            today: options.today ?? configuration.clock.localDate(of: options.now ?? Date()), now: options.now ?? Date())
        let progress = ProgressLine(wanted: options.progress)

        for file in summary.filesMatchedTwice { logger.warning("source file matched by more than one source", metadata: ["file": "\(file.path)", "reason": "\(file.reason)"]) }
        var absentPaths: Set<String> = []
        if !options.leavingOut.isEmpty {
            var kept: [Int] = []
            for index in displays.indices {
                if options.leavingOut.contains(displays[index]) { absentPaths.insert(files[index].path) } else { kept.append(index) }
            }
            files = kept.map { files[$0] }
            displays = kept.map { displays[$0] }
        }
        // Files read again by --since are read in the order the store first recorded them, as verification reads them: of
        // two exports holding one run, the one that counted it first counts it again. In the order of their paths, a file
        // that left the run out could take it (every figure the same, but a copy of the file that no longer counts
        // anything dropped out of its period's copies, which verification named).
        // Also when a file is read again for a run that was in the future: in the order of their paths, a copy sorting first
        // would take over the runs the file counted (helper-195 #2).
        let order = options.order.isEmpty && !forced.isEmpty ? Self.firstRecordedOrder(ledger) : options.order
        let expected = expansion.takeExpected()
        if !order.isEmpty {
            let ranked = displays.indices.sorted { (order[displays[$0]] ?? .max, $0) < (order[displays[$1]] ?? .max, $1) }
            files = ranked.map { files[$0] }
            displays = ranked.map { displays[$0] }
            // What was looked at ahead, file by file in the order found, is no guide to files reordered: each file would be
            // decided by another's status (the prefetch is made again below, in their order).
            prefetch?.finish()
            prefetch = nil
        }
        // Made only for files decided in the order they were found (`prefetching`).
        ingestor.expect(files, displays: displays, expected: order.isEmpty ? expected : nil)
        ingestor.forced = forced
        ingestor.absentPaths = absentPaths
        // The lines whose files are not among the sources, in the order of their paths: moved away (a file that
        // turns up elsewhere with the same inode was renamed) or gone.
        let away = ingestor.take(ledger: ledger)
        if !options.acceptGone, let vanished = SourcesVanished.check(away: away, ledger: ledger, renamedTo: ingestor.inodesOfNewFiles) {
            throw vanished
        }
        for line in away where line.inode != 0 || line.status == .present {
            guard let record = try store?.source(path: line.path) else { continue }
            if record.inode != 0 { ingestor.vanished[record.inode, default: []].append(record) }
            if record.status == .present { ingestor.vanishedByName[SourceIngestor.fileName(record.path), default: []].append(record) }
        }
        if let store, !options.dryRun {
            try ingestor.moveLinesToCopies(away: away, store: store, summary: &summary)
            try ingestor.settleDeletedKindsOfOneRecording(store: store, summary: &summary)
        }
        // Files are decided and recorded one by one, in order, but read a batch at a time, on every core, while
        // the job's thread records the batch before (`ReadAhead`).
        var batch: [FileRead] = []
        var batchBytes: Int64 = 0
        // The place of the batch's first file among the files, and whether its readings are begun one by one as they come
        // (`ReadAhead.begin`): once `sparseFiles` files were decided since it, the batch is not filling.
        var batchFirst = 0, batchBegun = false
        let readAhead = ReadAhead()
        // Files reordered or thinned out are looked at ahead only now, in their order. Only files the ledger knows can be
        // unchanged: a first reading has nothing to look at ahead for.
        if prefetch == nil, ledger.count >= Self.prefetchLedgerLines { prefetch = StatusPrefetch(paths: files.map(\.path)) }
        func record(_ reads: [FileRead]?) throws {
            if let reads { try ingestor.record(reads, store: store!, summary: &summary) }
        }
        func readAndRecord() throws {
            let reads = batch, bytes = batchBytes
            batch.removeAll()
            batchBytes = 0
            batchBegun = false
            if bytes >= ReadAhead.readAloneBytes { while let reads = readAhead.finish() { try record(reads) } }
            try record(readAhead.start(reads))
            if bytes >= ReadAhead.readAloneBytes { while let reads = readAhead.finish() { try record(reads) } }
        }
        // By index: a city's tens of thousands of (path, source) pairs are not copied one by one.
        for index in files.indices {
            if StopRequest.isRequested {
                summary.interrupted = true
                logger.warning("stop requested: the remaining files are read next run", metadata: ["remaining": "\(files.count - index)"])
                break
            }
            if let store, !options.dryRun { options.fileObserver?(index, store) }
            if !batch.isEmpty, !batchBegun, index - batchFirst >= Self.sparseFiles, batchBytes < ReadAhead.readAloneBytes {
                batchBegun = true
                for read in batch { readAhead.begin(read) }
            }
            let display = displays[index]
            summary.filesSeen += 1
            progress.show(index + 1, of: files.count, display)
            guard let read = try ingestor.prepare(path: files[index].path, display: display, spec: files[index].spec, store: store,
                                                  forced: !forced.isEmpty && forced.contains(display), dryRun: options.dryRun,
                                                  seen: prefetch?.status(at: index), summary: &summary) else { continue }
            options.afterDeciding?(display)
            if batch.isEmpty { batchFirst = index }
            batch.append(read)
            batchBytes += read.record.size
            if batch.count >= Self.batchFiles || batchBytes >= Self.batchBytes {
                try readAndRecord()
            } else if batchBegun, batchBytes < ReadAhead.readAloneBytes {
                readAhead.begin(read)
            }
        }
        if !batch.isEmpty, !summary.interrupted { try readAndRecord() }
        // A batch left unread by a stop: what was begun of it is not left running as the run ends.
        ReadAhead.waitForBegun(batch)
        // Also when a stop was requested: the batches in hand are read already.
        while let reads = readAhead.finish() { try record(reads) }
        ingestor.settleLosses(summary: &summary)
        try ingestor.settleRunsInAnotherUnit(store: options.dryRun ? nil : store, summary: &summary)
        if let store, !options.dryRun, !summary.interrupted { try ingestor.settleRunsCountedNowhere(store: store, summary: &summary) }
        // Also when stopped: a stopped night ends finished, its notes forgotten, and a loss it does not state is stated by none
        // (helper-142). A swap of two names split by the stop may be named once.
        if let store, !options.dryRun { try ingestor.settlePeriodsLost(store: store, summary: &summary) }
        if let store, !options.dryRun, !summary.interrupted { options.fileObserver?(files.count, store) }
        progress.finish()
        if case let unsettled = ingestor.unsettled, !unsettled.isEmpty {
            let named: Logger.Metadata = ["files": "\(unsettled.joined(separator: ", "))"]
            if summary.interrupted {
                logger.warning("stopped before files that were to be read again: until the next run, runs they held before may count twice", metadata: named)
            } else {
                // Another file left out runs these hold, as they were to be read again, and their turn did not read them.
                summary.filesUnsettled = unsettled.map {
                    .init(path: $0, reason: "another file counted runs this one holds, as it was to be read again, and it was not read at its turn: until kouka-nightly reads it, such runs may count twice")
                }
                logger.warning("files that were to be read again were not: until the next run reads them, runs they hold may count twice", metadata: named)
            }
        }
        if let store, !options.dryRun, !summary.interrupted {
            // Every file among the sources was decided (the run was not stopped), and the run writes only the ledger lines of
            // those files: those of the others are as they were when it started, but for a line this run moved to the file's
            // new path (a rename), no longer at its old one.
            let gone = try away.filter { $0.status == .present }.map(\.path).filter { try store.source(path: $0)?.status == .present }
            try store.markGone(paths: gone)
            summary.filesGone = gone
            for path in gone { logger.notice("source file is gone; its figures are kept", metadata: ["file": "\(path)"]) }
            let lastRunBefore = gone.isEmpty ? nil : try store.jobRuns().last {
                $0.job == Self.job && $0.state == .finished && !$0.interrupted && $0.id != runID
            }
            summary.filesGoneWhileWritten = try GoneWhileWritten.check(
                gone, formats: Set(configuration.sources.filter(\.parser.runIdsSpanDatedLogs).map(\.format)), clock: configuration.clock,
                lastRunBefore: lastRunBefore, store: store)
            for file in summary.filesGoneWhileWritten {
                logger.warning("a robot's log is gone before it was read after its day", metadata: ["file": "\(file.path)", "reason": "\(file.reason)"])
            }
            // Once the files gone tonight are marked so: they too may keep runs still running.
            try ingestor.settleWaitingRuns(store: store, summary: &summary)
            // The formats the store may count: those this run read, and those of the ledger as the run started (looked for only
            // when not configured: a city's tens of thousands of lines, every night).
            let configured = Set(configuration.sources.map(\.format))
            let holds = { (format: String) in
                configured.contains(format) || ledger.contains { $0.format == format && ($0.status == .present || $0.status == .gone) }
            }
            summary.uiPathWorkCountedTwice = try UiPathWorkCountedTwice.find(in: store, catalog: catalog, holds: holds)?.problems ?? []
            for pair in summary.uiPathWorkCountedTwice {
                logger.error("UiPath work is counted from both the robots' logs and an Orchestrator export; no report is made until one is taken out",
                             metadata: ["file": "\(pair.path)", "reason": "\(pair.reason)"])
            }
        }
        summary.unmapped = ingestor.unmappedNames()
        // Read after this run's own writes: a file it read again states its own rows, not the killed run's.
        var stated: [Int64] = []
        if let store, runID != nil { (summary.unreported, stated) = try UnreportedNotices.collect(
            job: Self.job, store: store, catalog: catalog, unclassified: NightlySummary.UnmappedName.unclassifiedByFormat(configuration.sources)) }
        for run in summary.unreported.runs {
            logger.warning("an earlier run did not finish, or finished without writing its summary file; what it recorded is in this run's summary under unreported", metadata: [
                "started": "\(run.startedAt)", "state": "\(run.state)", "rejected": "\(summary.unreported.rowsRejected)",
                "unmapped": "\(summary.unreported.unmapped.count)",
            ])
        }
        summary.exitCode = options.strict && summary.hasRejects ? .dataError : (summary.hasFindings ? .doneWithFindings : .done)
        if let store, let runID {
            if let catalogVersion { try CatalogHistory.keep(catalogVersion, run: runID, store: store) }
            try store.endJobRun(JobRunRecord(
                id: runID, job: Self.job, startedAt: UTCTimestamp.string(from: started), endedAt: UTCTimestamp.string(from: Date()),
                filesRead: summary.filesRead + summary.filesAppended, rowsRead: summary.rowsRead, rowsRejected: summary.rowsRejected,
                exitCode: summary.exitCode.rawValue, interrupted: summary.interrupted), reporting: stated, sourcesUnread: sourcesUnread)
        }
        // The ledger's lines, the files and their paths (the ingestor's table of them too).
        for value: Any in [ledger, files, displays, ingestor, expansion, prefetch as Any] { leftovers.keep(value) }
        return summary
    }

    /// Begins the run's line in the job-run ledger.
    private func beginJobRun(store: KoukaStore, started: Date) throws -> Int64 {
        // Since when this version reads the store: a set stating an earlier one, made after, was relabelled (helper-110 #1).
        try store.beginJobRun(job: Self.job, startedAt: UTCTimestamp.string(from: started), startedInstant: started,
                              readingVersion: KoukaVersion.current)
    }

    /// Begins the line of a run that stops before it would have (its store's ledger cannot be read), for `run()` to end it
    /// as failed. A store that cannot take the line either leaves the run unrecorded, as one that cannot be opened does.
    private func beginFailed(store: KoukaStore, started: Date, lock: JobLock?, begun: (KoukaStore, Int64, JobLock?) -> Void) {
        do { begun(store, try beginJobRun(store: store, started: started), lock) } catch {
            logger.error("cannot record the failed run in the job-run ledger", metadata: ["reason": "\(error)"])
        }
    }

    /// Ends the ledger line of a run that stopped on `error` as failed, its notices not stated. When even
    /// that cannot be written (the disk is full) the line stays running, and the next run finds it killed.
    private func endFailed(run: Int64, started: Date, error: any Error, store: KoukaStore) {
        do {
            try store.endJobRun(JobRunRecord(
                id: run, job: Self.job, startedAt: UTCTimestamp.string(from: started), endedAt: UTCTimestamp.string(from: Date()), filesRead: 0,
                rowsRead: 0, rowsRejected: 0, exitCode: KoukaExitCode.code(for: error).rawValue, state: .failed, noticesReported: false), reporting: [])
        } catch let ledgerError {
            logger.error("cannot record the failed run in the job-run ledger; the next run will show it as killed", metadata: ["reason": "\(ledgerError)"])
        }
    }

    /// How many files, or bytes of files, are read at once before their results are recorded: enough to
    /// keep both cores busy with small daily logs, few enough that their rollups stay small. With two a core,
    /// a day's 80 KB log was read by the job's thread while the others waited for work; with 32 a core, a
    /// city's 18,260 daily logs take 1,141 commits fewer than with 8, each rewriting the ledger's index pages.
    /// A stop request is heeded between the files of a batch as they are recorded (`SourceIngestor.record`).
    static let batchFiles = 32 * ProcessInfo.processInfo.activeProcessorCount
    /// Files decided since a batch's first after which its readings are begun as they come: twice a batch, which files
    /// read one after another fill long before.
    static var sparseFiles: Int { 2 * batchFiles }
    static let batchBytes: Int64 = 64 << 20

    /// A ledger at least this long has files reordered or thinned out (`--since`, verification) looked at on a second
    /// thread too (`StatusPrefetch`): below it, starting the thread costs more than it saves. Files in their own order
    /// are looked at by the thread that found them (`SourceExpansion`), which costs no thread more.
    static let prefetchLedgerLines = 512
}
