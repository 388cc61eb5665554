import Foundation
import KoukaCore
import KoukaParsers
import KoukaReports
import KoukaStore

/// `kouka-audit verify`: re-reads every source file in the ledger, checks its SHA-256, recomputes its
/// rollups from scratch in memory and compares them with the store; then rebuilds each fiscal year's
/// figures from the recomputed rollups and compares them with the store's and with a written report.
public struct VerifyAudit {
    public var configuration: Configuration
    /// The fiscal years whose figures are compared (default: every year with rollups).
    public var fiscalYears: [FiscalYear]?
    public var today: LocalDate?

    public init(configuration: Configuration, fiscalYears: [FiscalYear]? = nil, today: LocalDate? = nil) {
        self.configuration = configuration
        self.fiscalYears = fiscalYears
        self.today = today
    }

    /// Compares, reading the store as one snapshot: a nightly run that commits meanwhile cannot make the
    /// store's figures differ from the rollups read before them. The store's pages are checked whole first.
    public func run() throws -> VerifySummary {
        try ReportContext.reading(configuration: configuration) { context in
            try context.store.checkPages()
            return try verify(context)
        }
    }

    private func verify(_ context: ReportContext) throws -> VerifySummary {
        let base = DisplayPath.base(ofConfiguration: configuration.path)
        let specs = configuration.sources.flatMap { spec in FileGlob.expand(spec.pattern).map { (DisplayPath.of($0, base: base), $0, spec) } }
        let byDisplay = Dictionary(specs.map { ($0.0, ($0.1, $0.2)) }, uniquingKeysWith: { first, _ in first })
        let all = LocalDate(year: 1900, month: 1, day: 1)...LocalDate(year: 2200, month: 1, day: 1)
        let stored = Dictionary(grouping: try context.store.rollups(from: all.lowerBound, to: all.upperBound), by: \.sourceID)
        var summary = VerifySummary()
        var recomputed: [DailyRollup] = []
        let today = today ?? configuration.clock.localDate(of: Date())

        for record in context.ledger where record.status != .rejected && record.status != .duplicate && record.status != .unreadable {
            guard let (path, spec) = byDisplay[record.path] else {
                if record.status == .gone {
                    summary.filesSkipped.append(record.path)
                } else {
                    summary.differences.append(.init(kind: "missing-file", subject: record.path, detail: "in the ledger but no longer on disk or in a source"))
                }
                recomputed += stored[record.id] ?? []
                continue
            }
            let digest = SHA256.hexDigest(ofFile: path) ?? "unreadable"
            if digest != record.sha256 {
                summary.differences.append(.init(kind: "changed-file", subject: record.path,
                                                 detail: "SHA-256 is \(digest), the ledger says \(record.sha256): the file changed after it was read"))
                recomputed += stored[record.id] ?? []
                continue
            }
            if record.pendingRuns > 0 {
                summary.filesSkipped.append(record.path)
                recomputed += stored[record.id] ?? []
                continue
            }
            summary.filesChecked += 1
            let collector = EventCollector(clock: configuration.clock, officeHours: configuration.officeHours)
            let parseContext = ParseContext(clock: configuration.clock, displayPath: record.path, encoding: spec.encoding, today: today,
                                            pendingMaxAge: configuration.pendingMaxAge)
            _ = try spec.parser.parse(path: path, context: parseContext, into: collector)
            let fresh = collector.aggregator.totals
            let kept = Dictionary(uniqueKeysWithValues: (stored[record.id] ?? []).map { ($0.key, $0.totals) })
            for key in Set(fresh.keys).union(kept.keys).sorted() where !Self.same(fresh[key], kept[key]) {
                summary.differences.append(.init(
                    kind: "rollups", subject: record.path,
                    detail: "\(key.date) \(key.taskName) \(key.outcome.rawValue): the file gives \(Self.describe(fresh[key])), the store holds \(Self.describe(kept[key]))"))
            }
            recomputed += fresh.map { DailyRollup(key: $0.key, totals: $0.value, sourceID: record.id) }
        }

        let years = fiscalYears ?? Set(stored.values.flatMap { $0.map { FiscalYear(containing: $0.key.date).startYear } }).sorted().map(FiscalYear.init)
        for year in years {
            let fromStore = try context.report(.fiscalYear(year), generatedAt: "", previous: nil)
            let fromFiles = ReportBuilder.build(ReportInputs(
                period: .fiscalYear(year), rollups: recomputed, catalog: context.catalog, catalogPath: context.catalogPath,
                catalogSHA256: context.catalogSHA256, targets: configuration.targets, sources: [:], timezone: configuration.clock.zone.identifier,
                excludeOffHoursChatbotAnswers: configuration.excludeOffHoursChatbotAnswers, minimumAIUses: configuration.minimumAIUses))
            summary.differences += Self.compare(fromFiles, fromStore, kind: "store-report", subject: "FY\(year.startYear)")
            let written = (configuration.outputPath as NSString).appendingPathComponent("FY\(year.startYear)/kouka-FY\(year.startYear).json")
            if let data = FileManager.default.contents(atPath: written), let report = try? JSONDecoder().decode(YearReport.self, from: data) {
                summary.reportsChecked.append(written)
                summary.differences += Self.compare(fromFiles, report, kind: "written-report", subject: written)
            }
        }
        for finding in try ReportManifest.checkReportFolders(in: configuration.outputPath) {
            summary.differences.append(.init(kind: "report-manifest", subject: finding.path, detail: finding.description))
        }
        summary.exitCode = summary.differences.isEmpty ? .done : .doneWithFindings
        return summary
    }

    /// The figures an auditor signs: hours by system and by task.
    static func compare(_ expected: YearReport, _ actual: YearReport, kind: String, subject: String) -> [VerifySummary.Difference] {
        var differences: [VerifySummary.Difference] = []
        for (system, hours) in expected.hoursSaved.bySystem.sorted(by: { $0.key < $1.key }) where abs(hours - (actual.hoursSaved.bySystem[system] ?? 0)) > 0.005 {
            differences.append(.init(kind: kind, subject: subject, detail: "\(system): the sources give \(hours) h, this says \(actual.hoursSaved.bySystem[system] ?? 0) h"))
        }
        let actualTasks = Dictionary(grouping: actual.tasks, by: { "\($0.task)|\($0.department)|\($0.system)|\($0.unit)" })
        for task in expected.tasks {
            let other = actualTasks["\(task.task)|\(task.department)|\(task.system)|\(task.unit)"]?.first
            if other?.hoursSaved != task.hoursSaved || other?.successes != task.successes || other?.failures != task.failures {
                differences.append(.init(kind: kind, subject: subject,
                                         detail: "task \(task.task) (\(task.department), \(task.system)): the sources give \(task.hoursSaved) h from \(task.successes) successes, this says \(other.map { "\($0.hoursSaved) h from \($0.successes) successes" } ?? "nothing")"))
            }
        }
        return differences
    }

    static func same(_ a: RollupTotals?, _ b: RollupTotals?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return a.events == b.events && abs(a.quantity - b.quantity) < 1e-6 && abs(a.humanSeconds - b.humanSeconds) < 1e-6
            && abs(a.humanMeasuredQuantity - b.humanMeasuredQuantity) < 1e-6
    }

    static func describe(_ t: RollupTotals?) -> String {
        guard let t else { return "nothing" }
        return "\(t.events) runs, \(t.quantity) units"
    }
}
