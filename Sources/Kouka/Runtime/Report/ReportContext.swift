import Foundation

/// What every report of one run is built from: the catalog, the ledger and the store, read once, as one
/// snapshot of the store.
struct ReportContext {
    let configuration: Configuration
    let catalog: TaskCatalog
    let catalogPath: String
    let catalogSHA256: String
    let store: KoukaStore
    let ledger: [SourceFileRecord]
    /// The systems register, when configured (else new systems are not measured).
    let systems: SystemsRegister?
    /// The last complete day of the store (see `ReportJob.asOf`): what is actual and what is 見込み.
    let asOf: LocalDate
    /// Reports already built from this snapshot: the projection, the policy period and the tool review each need
    /// the same years' reports, which the one snapshot makes the same every time.
    let built = BuiltReports()

    /// Reads the catalog, opens the store and runs `body` with the context. Every read of the store — the
    /// ledger here, each period's rollups and repeated runs in `report` — is made in one read transaction,
    /// so a nightly run that commits meanwhile changes none of them: `body` sees the store as it was when it
    /// began. A nightly run recording into the store when it begins is waited for (`NightlyQuiet`). Any store
    /// that cannot be read whole stops the run with the database and the table named.
    /// `today` is the local date taken as today (default: the clock's).
    /// A store whose last nightly run did not finish is refused (`UnfinishedNight`), unless `unfinishedNight` says to
    /// read it (the nightly job's own metrics of the run that just stopped); so is one whose rollup digests were removed
    /// (`RollupDigestsRemoved`), or whose rollups are not those their digests were recorded for (`RollupsEdited`), unless
    /// `removedDigests` says to (verification, which names them, and the metrics); so is one
    /// counting UiPath work from both the robots' logs and an Orchestrator export (`UiPathWorkCountedTwice`), always.
    /// `asOf`: the last complete day the figures are as of, when another store's runs tell it (verification's replayed store);
    /// else the store's own (`ReportJob.asOf`).
    /// `snapshotTaken` is called once the read transaction has read the store: in WAL mode, what another connection commits
    /// after it `body` does not see (in another journal mode such a write waits for the transaction to end).
    static func reading<T>(
        configuration: Configuration, today: LocalDate? = nil, asOf stated: LocalDate? = nil, unfinishedNight: Bool = false, removedDigests: Bool = false,
        snapshotTaken: () -> Void = {}, _ body: (ReportContext) throws -> T
    ) throws -> T {
        let base = DisplayPath.base(ofConfiguration: configuration.path)
        // Hashed as it is read, before the wait for a nightly run: the digest the report states is of the bytes it used.
        let (catalog, catalogSHA256) = try ReportedFileDigest.loading(configuration.catalogPath) { try TaskCatalogLoader.load(path: $0) }
        let systems = try SystemsRegisterFile.load(configuration)
        guard FileManager.default.fileExists(atPath: configuration.databasePath) else {
            // Beside report sets made from a store, it is missing, not yet to be made: the nightly run would stop too (74), and
            // "run kouka-nightly first" led there (helper-202 #1).
            if let missing = try StoreMissing.check(database: configuration.databasePath, output: configuration.outputPath) { throw missing }
            throw ConfigurationError(path: configuration.path, message: "the database \(configuration.databasePath) does not exist yet; run kouka-nightly first")
        }
        // Not in the middle of a night: its files are committed a batch at a time.
        let quiet = try NightlyQuiet(lockPath: configuration.databasePath + ".lock")
        let store = try KoukaStore(path: configuration.databasePath)
        return try store.withSnapshot {
            quiet.release()
            snapshotTaken()
            try store.checkSchema()
            try store.checkRollupDays()
            try store.checkRejectDays()
            let ledger = try store.sources()
            // Every nightly run leaves a ledger line for each file it saw: an empty ledger is a store replaced by
            // an empty file (or one never filled), whose report would say 0 hours.
            guard !ledger.isEmpty else { throw StoreError.empty(path: store.path) }
            try Self.checkTimeZone(of: ledger, configuration: configuration)
            if !unfinishedNight, let night = try UnfinishedNight.of(store) { throw night }
            if !unfinishedNight, let awaited = try ReadingAwaited.of(ledger, store: store) { throw awaited }
            if !removedDigests, case let paths = try store.pathsWithRollupDigestRemoved(), !paths.isEmpty { throw RollupDigestsRemoved(paths: paths) }
            if let twice = try UiPathWorkCountedTwice.find(in: store, catalog: catalog, ledger: ledger) { throw twice }
            try LegacyTranscriptNames.check(ledger, store: store, configurationPath: configuration.path)
            let context = ReportContext(
                configuration: configuration, catalog: catalog, catalogPath: DisplayPath.of(configuration.catalogPath, base: base),
                catalogSHA256: catalogSHA256, store: store, ledger: ledger, systems: systems,
                asOf: try stated ?? ReportJob.asOf(today: today ?? configuration.clock.localDate(of: Date()), store: store, clock: configuration.clock))
            let result = try body(context)
            // After the body, in the same snapshot, before anything is written or printed from it: a value Kouka never writes
            // is named by the reading that met it, with its table and column, rather than as a digest that differs.
            if !removedDigests { try RollupsEdited.check(store, ledger: ledger) }
            return result
        }
    }

    /// Refuses a store whose files are there to be read again in the configured zone but were read in another:
    /// their runs are dated by that zone, and the nightly run reads them again first. Files gone since keep the
    /// days they were counted on when read.
    private static func checkTimeZone(of ledger: [SourceFileRecord], configuration: Configuration) throws {
        let zone = configuration.clock.zone.identifier
        // A line's zone is the configuration's, then a source's own (`Asia/Tokyo; source UTC`): the first dates the runs.
        func dating(_ line: SourceFileRecord) -> String? { line.timeZone.map { String($0.prefix { $0 != ";" }) } }
        let other = ledger.filter { $0.status == .present && dating($0) != nil && dating($0) != zone }
        guard let first = other.first, let was = dating(first) else { return }
        throw StoreAwaitsReading(path: configuration.path, message: """
            \(other.count) file(s) in the store, \(first.path) among them, were read in the time zone \(was), but timezone is now \(zone): \
            run kouka-nightly, which reads them again in \(zone), before reporting (or set timezone back)
            """)
    }

    /// The report of `period`; with `previous`, departments are compared with it. Fails when the store cannot
    /// be read: a period is never reported from less than the store holds.
    /// `previousCovered`: the store counts days from before `previous`'s, so a `previous` of no department line saved 0 hours
    /// in each (0.00), where one the store does not cover whole is not compared (—).
    func report(_ period: ReportPeriod, generatedAt: String, previous: YearReport?, previousCovered: Bool = false, through last: LocalDate? = nil) throws -> YearReport {
        let (report, _) = try build(period, generatedAt: generatedAt, through: last)
        // `previous` changes the departments' columns only: the report is compared, not built again.
        guard let previousHours = previous.flatMap({ $0.departments.isEmpty && !previousCovered ? nil : Dictionary(uniqueKeysWithValues: $0.departments.map { ($0.department, $0.hoursSaved) }) })
        else { return report }
        var compared = report
        compared.departments = DepartmentTable.compared(report.departments, previousYearHours: previousHours, hourlyStaffCostYen: configuration.money?.hourlyStaffCostYen)
        return compared
    }

    /// The RPA minutes by month, unrounded, of the report `report(period, generatedAt:, previous:, through:)` gives.
    func rpaMinutes(_ period: ReportPeriod, generatedAt: String, through last: LocalDate? = nil) throws -> RPAMinutesByMonth {
        try build(period, generatedAt: generatedAt, through: last).1
    }

    /// `period`'s report cut at `last`: its rollups' sums built once (`BuiltReports.fromRollups`), then the systems live and
    /// the licences borne by its day, which are quick to apply each time.
    private func build(_ period: ReportPeriod, generatedAt: String, through last: LocalDate?) throws -> (YearReport, RPAMinutesByMonth) {
        // `through` cuts the period at a day (the year to date of a projection); its other figures are the period's.
        let key = Self.rollupsKey(period, generatedAt: generatedAt, through: last)
        let fromRollups = try built.fromRollups[key] ?? ReportBuilder.buildWithRPAMinutes(reportInputs(key))
        built.fromRollups[key] = fromRollups
        var (report, minutes) = fromRollups
        // A year cut at a day (a month's year to date) counts the systems live by that day, as its hours.
        NewSystemsCount.apply(to: &report, register: systems, targets: configuration.targets, asOf: min(asOf, last ?? asOf))
        // And a year under way bears the licences of the months it covers, as its month reports and its tool review do
        // (helper-92: a whole year's licence set against April's hours in the same report as April's twelfth).
        if case .fiscalYear = period, let money = configuration.money, min(asOf, last ?? asOf) < period.lastDay {
            report.money = report.money?.borne(months: MoneySettings.monthsBorne(of: period, through: min(asOf, last ?? asOf)), by: money)
        }
        return (report, minutes)
    }

    /// What `build(period, generatedAt:, through: last)` keeps the sums of `period`'s rollups by.
    static func rollupsKey(_ period: ReportPeriod, generatedAt: String, through last: LocalDate?) -> BuiltReports.RollupsKey {
        BuiltReports.RollupsKey(period: period, generatedAt: generatedAt, rollupsThrough: min(period.lastDay, last ?? period.lastDay))
    }

    /// What the report of `key`'s period adds up (`ReportBuilder`): its rollups up to `key.rollupsThrough`, with its ledger
    /// lines, rejects and repeated runs — everything of the report but the systems live and the licences borne by the
    /// report's own day. Read from the store on the calling thread; the adding up needs nothing else.
    func reportInputs(_ key: BuiltReports.RollupsKey) throws -> ReportInputs {
        let (period, generatedAt, rollupsThrough) = (key.period, key.generatedAt, key.rollupsThrough)
        let rollups = try rollups(from: period.firstDay, to: rollupsThrough)
        let repeated = try store.repeatedRuns(from: period.firstDay, to: period.lastDay)
        // A rejected row counts in the period of its own date; one whose date is unknown in none, and is shown in all.
        let rejected = try store.rejectedRows(from: period.firstDay, to: period.lastDay)
        let undated = try store.undatedRejectedRows()
        let contributing = Set(rollups.map(\.sourceID))
        // A copy belongs to the periods of the file it copies: those it holds rows of, counted or left out as runs another
        // file counts (of two exports holding one run, which counts it may differ between the store and a fresh reading,
        // with every figure the same; the copy is the same file's either way). A file nothing of which was read (not its
        // format, unreadable) belongs to every period, since no date of it is known.
        let counted = Set(ledger.filter { contributing.contains($0.id) || repeated[$0.id] != nil || rejected[$0.id] != nil }.map(\.sha256))
        // A file holding lines of runs a contributing file counts (a robot's log of the day after, with a run's end).
        let parts = Set(try store.runParts().filter { contributing.contains($0.countedIn) }.map(\.part))
        var sources: [Int64: SourceLine] = [:]
        for s in ledger where contributing.contains(s.id) || parts.contains(s.id) || s.status == .rejected || s.status == .unreadable || repeated[s.id] != nil
            || rejected[s.id] != nil || undated[s.id] != nil || (s.status == .duplicate && counted.contains(s.sha256)) {
            var line = SourceLine(path: s.path, sha256: s.sha256, format: s.format, rows: s.rowsRead,
                                  accepted: s.rowsAccepted, rejected: rejected[s.id] ?? 0, repeated: repeated[s.id] ?? 0, status: s.status.rawValue)
            line.rejectedDateUnknown = undated[s.id] ?? 0
            line.identical = s.rowsIdentical > 0 ? s.rowsIdentical : nil
            sources[s.id] = line
        }
        // A file whose chatbot answers were judged by other hours (gone since, or not read again yet) is named.
        let chatbotSources = Set(rollups.lazy.filter { $0.key.family == .chatbot }.map(\.sourceID))
        let hours = configuration.officeHours.ledgerText
        var otherHours: [String: String] = [:]
        for s in ledger where chatbotSources.contains(s.id) {
            let was = s.officeHours ?? OfficeHours.unknownLedgerText
            if was != hours { otherHours[s.path] = was }
        }
        var inputs = ReportInputs(
            period: period, rollups: rollups, catalog: catalog, catalogPath: catalogPath, catalogSHA256: catalogSHA256,
            targets: configuration.targets, sources: sources, timezone: configuration.clock.zone.identifier,
            excludeOffHoursChatbotAnswers: configuration.excludeOffHoursChatbotAnswers, minimumAIUses: configuration.minimumAIUses,
            generatedAt: generatedAt, koukaVersion: KoukaVersion.current,
            money: configuration.money, pendingMaxHours: configuration.pendingMaxAge / 3600, officeHours: configuration.officeHours,
            otherOfficeHours: otherHours)
        inputs.countedThrough = rollupsThrough
        inputs.tasksGivingItems = try tasksGivingItems(through: rollupsThrough)
        return inputs
    }
}
