import Foundation
import KoukaCore
import KoukaParsers
import KoukaReports
import KoukaStore
import Logging

/// `kouka-report`: builds one fiscal year's report from the store and the catalog, and writes it as
/// JSON, Markdown and CSV into `<output>/FY<year>/`, each file atomically.
public struct ReportJob {
    public var configuration: Configuration
    public var fiscalYear: FiscalYear
    public var outputFolder: String
    public var logger: Logger

    public init(configuration: Configuration, fiscalYear: FiscalYear, outputFolder: String? = nil, logger: Logger) {
        self.configuration = configuration
        self.fiscalYear = fiscalYear
        self.outputFolder = outputFolder ?? configuration.outputPath
        self.logger = logger
    }

    /// Builds the report without writing it.
    public func build() throws -> YearReport {
        let base = DisplayPath.base(ofConfiguration: configuration.path)
        let catalog = try TaskCatalogLoader.load(path: configuration.catalogPath)
        guard FileManager.default.fileExists(atPath: configuration.databasePath) else {
            throw ConfigurationError(path: configuration.path, message: "the database \(configuration.databasePath) does not exist yet; run kouka-nightly first")
        }
        let store = try KoukaStore(path: configuration.databasePath)
        let rollups = try store.rollups(from: fiscalYear.firstDay, to: fiscalYear.lastDay)
        let contributing = Set(rollups.map(\.sourceID))
        var sources: [Int64: SourceLine] = [:]
        for s in try store.sources() where contributing.contains(s.id) || s.status == .rejected {
            sources[s.id] = SourceLine(path: s.path, sha256: s.sha256, format: s.format, rows: s.rowsRead,
                                       accepted: s.rowsAccepted, rejected: s.rowsRejected, status: s.status.rawValue)
        }
        return ReportBuilder.build(ReportInputs(
            fiscalYear: fiscalYear, rollups: rollups, catalog: catalog,
            catalogPath: DisplayPath.of(configuration.catalogPath, base: base),
            catalogSHA256: SHA256.hexDigest(ofFile: configuration.catalogPath) ?? "",
            targets: configuration.targets, sources: sources, timezone: configuration.clock.zone.identifier,
            excludeOffHoursChatbotAnswers: configuration.excludeOffHoursChatbotAnswers, minimumAIUses: configuration.minimumAIUses))
    }

    /// Builds and writes the report; returns the summary for stdout.
    public func run() throws -> ReportSummary {
        let report = try build()
        let folder = (outputFolder as NSString).appendingPathComponent("FY\(fiscalYear.startYear)")
        let stem = "kouka-FY\(fiscalYear.startYear)"
        var json = "", markdown = "", tasks = "", departments = ""
        try JSONReportWriter.write(report, to: &json)
        MarkdownReportWriter.write(report, to: &markdown)
        CSVReportWriter.writeTasks(report, to: &tasks)
        CSVReportWriter.writeDepartments(report, to: &departments)
        var written: [String] = []
        for (name, text) in [("\(stem).json", json), ("\(stem).md", markdown), ("\(stem)-tasks.csv", tasks), ("\(stem)-departments.csv", departments)] {
            let path = (folder as NSString).appendingPathComponent(name)
            try AtomicFile.write(text, to: path)
            written.append(path)
            logger.info("report written", metadata: ["file": "\(path)"])
        }
        return ReportSummary(fiscalYear: report.fiscalYear, label: report.label, folder: folder, files: written,
                             hoursSaved: report.hoursSaved, targets: report.targets, unmappedNames: report.unmapped.count,
                             exitCode: .done)
    }
}
