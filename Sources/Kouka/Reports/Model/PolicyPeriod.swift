
/// The DX policy's whole period (令和3〜7年度) on one page: each fiscal year's actual against target for the
/// three metrics, the cumulative RPA hours, and for the years not yet over the projection (見込み).
package struct PolicyPeriodTable: Sendable, Hashable, Codable {
    /// The first and last fiscal years, by the calendar year they start in.
    package var from: Int
    package var to: Int
    /// 令和3〜7年度.
    package var label: String
    package var asOf: String
    package var years: [PolicyYearLine]
    /// Whether a systems register is configured (else the new-systems columns say 未計測).
    package var newSystemsMeasured: Bool
    package var method: String

    /// The policy's period: FY2021–2025 (令和3〜7年度), the years of the built-in targets.
    package static let dxPolicyYears = 2021...2025
}

/// One fiscal year of the period.
package struct PolicyYearLine: Sendable, Hashable, Codable {
    package var fiscalYear: Int
    package var label: String
    /// `actual` (the year is over by the as-of day), `in-progress` (it contains it) or `ahead` (it starts after it).
    package var status: String
    package var rpaTarget: Double?
    /// The RPA hours the year's report states (to date for a year in progress); nil for a year ahead.
    package var rpaHours: Double?
    /// Whether the year met its RPA target; only for a year that is over.
    package var rpaMet: Bool?
    /// The sum of the years' RPA hours as this table shows them, through this year; nil for a year ahead, and for a year
    /// before the first that holds a record of the robots (記録なし is no 0 to add up).
    package var cumulativeRPAHours: Double?
    /// 見込み: the projection of a year in progress, or for the next year the path's projection plus the
    /// planned tasks' hours; nil for a year that is over and for later years (no basis).
    package var projectedRPAHours: Double?
    package var projectedCumulativeRPAHours: Double?
    package var projectedMet: Bool?
    package var aiTasksTarget: Int?
    /// AI-supported tasks counted in the year's report (to date for a year in progress); nil for a year ahead.
    package var aiTasks: Int?
    package var aiTasksMet: Bool?
    package var newSystemsTarget: Int?
    /// Systems live in the year by the as-of day; nil when no register is configured.
    package var newSystems: Int?
    /// Systems whose go-live in the year is still ahead (見込み).
    package var newSystemsPlanned: Int?
    package var newSystemsMet: Bool?
    /// False when the year's report holds no record of any robot (no RPA run, mapped or not): its RPA hours and whether
    /// they met the target are unknown, not 0 and not met (logs of that year were never read, as for a city that started
    /// Kouka within the period); nil for a year ahead.
    package var rpaRecorded: Bool? = nil
    /// The same for the AI tools: no AI use of any task, mapped or not.
    package var aiRecorded: Bool? = nil
}

/// Builds the table from each year's own report, so every figure in it is the yearly report's.
package enum PolicyPeriodBuilder {
    package static let method = "各年度の実績は、その年度の報告書と同じ数値（同じ集計）。累計は表に示した各年度の RPA 削減時間の和。基準日を含む年度は基準日までの実績と年度末の見込み、基準日より後の年度は見込み（翌年度は今年度の見込みと同じ水準に計画中の業務の見込み時間を加えたもの。それより先の年度は根拠がないため示さない）。見込みは実績に加えない。システム導入数は稼働開始日の年度に数え、稼働開始日が基準日より後のものは見込みとする。ログにその年度の RPA（または AI）の記録が一件もない年度は「記録なし」とし、0 や未達成とはしない（ログを読んでいない年度）。"

    /// A year's verdict on `target`: met when `actual` reaches it; without a record (`actual` nil) the figure is unknown, and
    /// only a target of 0 is met all the same; nil without a target. Verification holds a written table's verdicts to it.
    package static func met<T: Comparable & AdditiveArithmetic>(target: T?, actual: T?) -> Bool? {
        target.flatMap { target in actual.map { $0 >= target } ?? (target <= .zero ? true : nil) }
    }

    /// Whether `report` holds any record of the robots (`rpa`) or of the AI tools: a task line, an AI task line or an
    /// unmapped name of theirs. A year without is one whose logs were never read, not a year of 0 hours.
    package static func hasRecords(_ report: YearReport, rpa: Bool) -> Bool {
        hasRecords(tasks: report.tasks, unmapped: report.unmapped, aiTasks: report.aiTasks, rpa: rpa)
    }

    /// The same rule on a report's lines before the report is made (its target lines need it).
    package static func hasRecords(tasks: [TaskLine], unmapped: [UnmappedLine], aiTasks: [AITaskLine], rpa: Bool) -> Bool {
        func ofKind(_ system: String) -> Bool { (system == SystemFamily.rpa.rawValue) == rpa }
        return tasks.contains { ofKind($0.system) } || unmapped.contains { ofKind($0.system) } || (!rpa && !aiTasks.isEmpty)
    }

    /// A policy year's status as of `asOf`: `actual` once over, `in-progress` while under way, `ahead` before it began — what
    /// a set states, and what verification holds a written set's years to.
    package static func status(of year: FiscalYear, asOf: LocalDate) -> String {
        year.lastDay <= asOf ? "actual" : (year.contains(asOf) ? "in-progress" : "ahead")
    }

    /// `reports` are the fiscal years' reports (any order), `projection` the year under way's, `path` its path.
    package static func table(years: ClosedRange<Int>, reports: [Int: YearReport], asOf: LocalDate, targets: TargetTable,
                             projection: Projection?, path: TargetPath?) -> PolicyPeriodTable {
        var cumulative = 0.0
        // The cumulative 見込み, carried from the year under way (or the last year over) to the next year only.
        var projectedCumulative: Double? = years.lowerBound > FiscalYear(containing: asOf).startYear ? 0 : nil
        var lines: [PolicyYearLine] = []
        var measured = false
        // Until a year holds a record of the robots, there is no cumulative figure either: 0 would read as measured.
        var anyRPARecorded = false
        for startYear in years {
            let year = FiscalYear(startYear)
            let target = targets.targets(for: year)
            let status = Self.status(of: year, asOf: asOf)
            let report = reports[startYear]
            var line = PolicyYearLine(fiscalYear: startYear, label: year.japaneseLabel, status: status, rpaTarget: target.rpaHours,
                                      aiTasksTarget: target.aiTasks, newSystemsTarget: target.newSystems)
            if status != "ahead", let report {
                let rpa = report.hoursSaved.bySystem[SystemFamily.rpa.rawValue] ?? 0
                let ai = report.aiTasks.filter(\.counted).count
                let rpaRecorded = Self.hasRecords(report, rpa: true), aiRecorded = Self.hasRecords(report, rpa: false)
                line.rpaRecorded = rpaRecorded
                line.aiRecorded = aiRecorded
                if rpaRecorded {
                    line.rpaHours = rpa
                    cumulative = Rounding.hundredths(cumulative + rpa)
                    anyRPARecorded = true
                }
                line.cumulativeRPAHours = anyRPARecorded ? cumulative : nil
                if aiRecorded { line.aiTasks = ai }
                if status == "actual" {
                    projectedCumulative = cumulative
                    // Without a record the figure is unknown: only a target of 0 is met all the same.
                    line.rpaMet = Self.met(target: target.rpaHours, actual: rpaRecorded ? rpa : nil)
                    line.aiTasksMet = Self.met(target: target.aiTasks, actual: aiRecorded ? ai : nil)
                }
            }
            if let systems = report?.newSystems, systems.measured {
                measured = true
                line.newSystems = systems.actual
                line.newSystemsPlanned = systems.planned
                if status == "actual" { line.newSystemsMet = systems.met }
            }
            switch status {
            case "in-progress":
                // None for a year under way with no record of the robots yet (`ProjectionModel.project`).
                if let projection {
                    line.projectedRPAHours = projection.projectedRPAHours
                    projectedCumulative = Rounding.hundredths(cumulative - (line.rpaHours ?? 0) + projection.projectedRPAHours)
                    line.projectedCumulativeRPAHours = projectedCumulative
                    line.projectedMet = target.rpaHours.map { projection.projectedRPAHours >= $0 }
                }
            case "ahead":
                defer { projectedCumulative = nil }
                if let next = path?.years.first(where: { $0.fiscalYear == startYear }), let base = projectedCumulative {
                    let projected = Rounding.hundredths(next.projectedRPAHours + next.plannedRPAHours)
                    line.projectedRPAHours = projected
                    projectedCumulative = Rounding.hundredths(base + projected)
                    line.projectedCumulativeRPAHours = projectedCumulative
                    line.projectedMet = target.rpaHours.map { projected >= $0 }
                }
            default:
                break
            }
            lines.append(line)
        }
        let first = FiscalYear(years.lowerBound).japaneseLabel, last = FiscalYear(years.upperBound).japaneseLabel
        let label = first.hasPrefix("令和") && last.hasPrefix("令和")
            ? "\(first.dropLast(2))〜\(last.dropFirst(2).dropLast(2))年度" : "\(first)〜\(last)"
        return PolicyPeriodTable(from: years.lowerBound, to: years.upperBound, label: label, asOf: asOf.description, years: lines,
                                 newSystemsMeasured: measured, method: method)
    }
}
