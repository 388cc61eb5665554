
/// The policy's third target, デジタル技術を活用したシステム導入数: the systems register's go-lives in one fiscal
/// year. Without a register the figure is not measured, and every report says so rather than show 0.
package struct NewSystemsLine: Sendable, Hashable, Codable {
    package var fiscalYear: Int
    package var target: Int?
    /// Whether a systems register is configured; when false, `actual`, `planned` and `met` are nil.
    package var measured: Bool
    /// Systems that went live in the year on or before `asOf`.
    package var actual: Int?
    /// Systems whose go-live in the year is after `asOf` (見込み): never counted in `actual`.
    package var planned: Int?
    package var met: Bool?
    package var asOf: String
    /// The register's path and SHA-256, when configured.
    package var register: String?
    package var registerSHA256: String?
    /// The year's systems, live and planned.
    package var systems: [NewSystemRow]

    package static let label = "デジタル技術を活用したシステム導入数"
    package static let metric = "new-systems"
}

/// One system of the register as a report lists it.
package struct NewSystemRow: Sendable, Hashable, Codable {
    package var name: String
    package var department: String
    package var kind: String
    package var goLive: String
    package var evidence: String
    package var retired: String?
    /// The register's line.
    package var line: Int
    /// `live` (counted) or `planned` (見込み, go-live after the as-of day).
    package var status: String
}

/// Counts a fiscal year's new systems from the register.
package enum NewSystemsCount {
    /// The year's line; `register` nil means no register is configured (not measured).
    package static func line(register: SystemsRegister?, year: FiscalYear, target: Int?, asOf: LocalDate) -> NewSystemsLine {
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
    package static func targetLine(_ line: NewSystemsLine) -> TargetLine? {
        guard line.measured, let target = line.target, let actual = line.actual else { return nil }
        return TargetLine(metric: NewSystemsLine.metric, label: NewSystemsLine.label, target: Double(target), actual: Double(actual))
    }

    /// Adds the year's line to a fiscal-year report, and its target line when measured.
    package static func apply(to report: inout YearReport, register: SystemsRegister?, targets: TargetTable, asOf: LocalDate) {
        guard report.period == "fiscal-year" else { return }
        let year = FiscalYear(report.fiscalYear)
        let line = line(register: register, year: year, target: targets.targets(for: year).newSystems, asOf: asOf)
        report.newSystems = line
        if let target = targetLine(line) { report.targets.append(target) }
    }
}
