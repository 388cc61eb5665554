import Foundation

/// Figures from events a client parsed itself (a tool Kouka has no parser for), fed one by one: the streaming
/// form of `Kouka.measure`. Events are rolled up by day as they come, so memory grows with days and names,
/// not with events; figures are built by the report's code.
///
/// Each event's `source.file` names the file it came from: figures list those files as their sources. Runs are
/// not matched across files and nothing is left pending: hand over each run once, when it has ended.
public struct Meter: Sendable {
    private let catalog: TaskCatalog
    private let catalogPath: String
    private let catalogSHA256: String
    private let rules: MeasureRules
    private let clock: LocalClock
    private let window: EventWindow
    /// By file, in the order files were first seen: each file's rollups and counts.
    private var files: [String: FileTotals] = [:]
    private var order: [String] = []

    private struct FileTotals: Sendable {
        var aggregator: Aggregator
        var accepted = 0
        var rejections: [Rejection] = []
    }

    /// A meter using the task catalog at `catalog`.
    /// - Throws: `CatalogError` when the catalog cannot be used, or the error of reading it for its SHA-256.
    public init(catalog: String, timeZone: TimeZone, rules: MeasureRules = MeasureRules(), now: Date = Date()) throws {
        (self.catalog, catalogSHA256) = try ReportedFileDigest.loading(catalog) { try TaskCatalogLoader.load(path: $0) }
        catalogPath = catalog
        self.rules = rules
        clock = LocalClock(zone: timeZone)
        window = EventWindow(clock: clock, now: now)
    }

    /// Adds one run or use. One whose time is before 2000 or more than a day ahead is rejected instead, as the
    /// nightly job rejects it — a task cancelled before its scheduled day up to 400 days ahead, which is dated by that day.
    public mutating func add(_ event: UsageEvent) {
        if let rejection = window.rejection(of: event) { return reject(rejection) }
        update(event.source.file) { $0.aggregator.add(event); $0.accepted += 1 }
    }

    /// Adds one record that could not be read: it counts among the year's rejected rows.
    public mutating func reject(_ rejection: Rejection) {
        let kept = window.dated(rejection)
        update(rejection.file) { $0.rejections.append(kept) }
    }

    /// The daily rollups so far, file by file in the order files were first seen.
    public var rollups: [DailyRollup] {
        order.enumerated().flatMap { index, file in files[file]!.aggregator.rollups(sourceID: Int64(index + 1)) }
    }

    /// The figures of `fiscalYear` from the events so far.
    public func figures(fiscalYear: Int) -> Figures {
        var sources: [Int64: SourceLine] = [:]
        let period = ReportPeriod.fiscalYear(FiscalYear(fiscalYear))
        for (index, file) in order.enumerated() {
            let totals = files[file]!
            let rejected = totals.rejections.filter { $0.day.map(period.contains) ?? false }
            var line = SourceLine(path: file, sha256: "(events handed to Kouka.Meter)", format: "events", rows: totals.accepted + totals.rejections.count,
                                  accepted: totals.accepted, rejected: rejected.count, repeated: rejected.filter(\.isRepeatedRun).count, status: "read")
            line.rejectedDateUnknown = totals.rejections.filter { $0.day == nil }.count
            sources[Int64(index + 1)] = line
        }
        var report = ReportBuilder.build(ReportInputs(
            period: period, rollups: rollups, catalog: catalog, catalogPath: catalogPath, catalogSHA256: catalogSHA256,
            targets: rules.targets, sources: sources, timezone: clock.zone.identifier,
            excludeOffHoursChatbotAnswers: rules.excludeOffHoursChatbotAnswers, minimumAIUses: rules.minimumAIUses,
            koukaVersion: KoukaVersion.current, pendingMaxHours: rules.pendingMaxHours, officeHours: rules.officeHours))
        NewSystemsCount.apply(to: &report, register: nil, targets: rules.targets, asOf: period.lastDay)
        return Figures(report)
    }

    private mutating func update(_ file: String, _ change: (inout FileTotals) -> Void) {
        if files[file] == nil {
            files[file] = FileTotals(aggregator: Aggregator(clock: clock, officeHours: rules.officeHours))
            order.append(file)
        }
        change(&files[file]!)
    }
}
