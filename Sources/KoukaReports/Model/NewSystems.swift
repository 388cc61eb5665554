import KoukaCore

/// The policy's third target, デジタル技術を活用したシステム導入数: the systems register's go-lives in one fiscal
/// year. Without a register the figure is not measured, and every report says so rather than show 0.
public struct NewSystemsLine: Sendable, Hashable, Codable {
    public var fiscalYear: Int
    public var target: Int?
    /// Whether a systems register is configured; when false, `actual`, `planned` and `met` are nil.
    public var measured: Bool
    /// Systems that went live in the year on or before `asOf`.
    public var actual: Int?
    /// Systems whose go-live in the year is after `asOf` (見込み): never counted in `actual`.
    public var planned: Int?
    public var met: Bool?
    public var asOf: String
    /// The register's path and SHA-256, when configured.
    public var register: String?
    public var registerSHA256: String?
    /// The year's systems, live and planned.
    public var systems: [NewSystemRow]

    public static let label = "デジタル技術を活用したシステム導入数"
    public static let metric = "new-systems"
}

/// One system of the register as a report lists it.
public struct NewSystemRow: Sendable, Hashable, Codable {
    public var name: String
    public var department: String
    public var kind: String
    public var goLive: String
    public var evidence: String
    public var retired: String?
    /// The register's line.
    public var line: Int
    /// `live` (counted) or `planned` (見込み, go-live after the as-of day).
    public var status: String
}

/// Counts a fiscal year's new systems from the register.
public enum NewSystemsCount {
    /// The year's line; `register` nil means no register is configured (not measured).
    public static func line(register: SystemsRegister?, year: FiscalYear, target: Int?, asOf: LocalDate) -> NewSystemsLine {
        guard let register else {
            return NewSystemsLine(fiscalYear: year.startYear, target: target, measured: false, actual: nil, planned: nil, met: nil,
                                  asOf: asOf.description, register: nil, registerSHA256: nil, systems: [])
        }
        let (live, planned) = register.goLives(in: year, asOf: asOf)
        func row(_ s: RegisteredSystem, _ status: String) -> NewSystemRow {
            NewSystemRow(name: s.name, department: s.department, kind: s.kind, goLive: s.goLive.description, evidence: s.evidence,
                         retired: s.retired?.description, line: s.line, status: status)
        }
        return NewSystemsLine(fiscalYear: year.startYear, target: target, measured: true, actual: live.count, planned: planned.count,
                              met: target.map { live.count >= $0 }, asOf: asOf.description, register: register.path,
                              registerSHA256: register.sha256, systems: live.map { row($0, "live") } + planned.map { row($0, "planned") })
    }

    /// The targets-table line of a measured year with a target; nil otherwise (the writers then show 未計測).
    public static func targetLine(_ line: NewSystemsLine) -> TargetLine? {
        guard line.measured, let target = line.target, let actual = line.actual else { return nil }
        return TargetLine(metric: NewSystemsLine.metric, label: NewSystemsLine.label, target: Double(target), actual: Double(actual), met: actual >= target)
    }

    /// Adds the year's line to a fiscal-year report, and its target line when measured.
    public static func apply(to report: inout YearReport, register: SystemsRegister?, targets: TargetTable, asOf: LocalDate) {
        guard report.period == "fiscal-year" else { return }
        let year = FiscalYear(report.fiscalYear)
        let line = line(register: register, year: year, target: targets.targets(for: year).newSystems, asOf: asOf)
        report.newSystems = line
        if let target = targetLine(line) { report.targets.append(target) }
    }
}
