
/// The path to a year's RPA target: the projection from logged work, the hours planned tasks would add (見込み),
/// and the gap that remains. Nothing here is ever added to an actual figure.
package struct TargetPath: Sendable, Hashable, Codable {
    package var asOf: String
    /// The fiscal year under way and the next one.
    package var years: [TargetPathYear]
    package var method: String
}

/// One year of the path.
package struct TargetPathYear: Sendable, Hashable, Codable {
    package var fiscalYear: Int
    package var label: String
    package var target: Double?
    /// RPA hours projected from logged work (見込み).
    package var projectedRPAHours: Double
    package var projectionBasis: String
    /// Hours the planned RPA tasks would add in the year (見込み).
    package var plannedRPAHours: Double
    /// target − projection: what the year still needs without the planned tasks.
    package var toTarget: Double?
    /// target − projection − planned hours: what remains with them (negative: above the target).
    package var remainingGap: Double?
    package var plannedTasks: [PlannedTaskLine]
}

/// One planned task and the assumption its hours rest on.
package struct PlannedTaskLine: Sendable, Hashable, Codable {
    package var task: String
    package var name: String
    package var department: String
    package var system: String
    package var unit: String
    package var expectedUnitsPerYear: Double
    /// manual − residual minutes per catalog unit, from the catalog row in force on `productionFrom`.
    package var savedMinutesPerUnit: Double
    package var productionFrom: String
    /// Days of the fiscal year from `productionFrom` (or April 1) to March 31, and the year's days.
    package var daysCounted: Int
    package var daysInYear: Int
    package var hours: Double
    /// Only RPA tasks count towards the RPA hours target; the others are listed for what they are.
    package var countsTowardRPATarget: Bool
    package var catalogLine: Int
}

/// Builds the path from the catalog's planned tasks (`expected_units_per_year` with a `production_from` after
/// the as-of day) and the year's projection.
package enum PlannedTasks {
    package static let method = "計画中の業務の見込み時間 = 年間の見込み処理量 × 1単位あたりの削減時間（手作業 − 残る確認、業務カタログの本番開始日に有効な行）÷ 60 × その年度の本番開始日から3月31日までの日数 ÷ 年度の日数。本番開始日が基準日より後の業務だけを数える（基準日までに始まった業務はログの実績と見込みに含まれる）。翌年度のログにもとづく見込みは、今年度の見込みと同じ水準が続くと仮定する。目標までの残り = 目標 − ログにもとづく見込み − 計画中の業務の見込み時間。見込みは実績に加えない。"

    /// The planned tasks' lines for `year`: every task with an expected volume whose production starts after `asOf`
    /// and on or before the year's last day, once (from its first row giving one: `CatalogPlannedOnce` holds its other
    /// rows to the same volume and start).
    package static func lines(catalog: TaskCatalog, year: FiscalYear, asOf: LocalDate) -> [(line: PlannedTaskLine, minutes: Double)] {
        let daysInYear = year.lastDay.daysSinceEpoch - year.firstDay.daysSinceEpoch + 1
        var out: [(PlannedTaskLine, Double)] = []
        var planned = Set<String>()
        for row in catalog.entries.sorted(by: { $0.line < $1.line }) {
            guard let units = row.expectedUnitsPerYear, let start = row.productionFrom, start > asOf, start <= year.lastDay,
                  planned.insert("\(row.taskID)@\(row.system.rawValue)").inserted else { continue }
            let entry = catalog.entry(task: row.taskID, system: row.system, on: start) ?? row
            let first = max(start, year.firstDay)
            let days = year.lastDay.daysSinceEpoch - first.daysSinceEpoch + 1
            let quantity = units * Double(days) / Double(daysInYear)
            // The same arithmetic as logged successes: an estimate from counts and the catalog baseline.
            let totals = RollupTotals(events: 0, quantity: quantity, machineSeconds: 0, humanSeconds: 0, humanMeasuredQuantity: 0)
            // Asked in the row's own unit, so never the unit mismatch that makes it nil.
            let minutes = EffectModel.savedMinutes(outcome: .success, unit: entry.unit, totals: totals, entry: entry)!
            out.append((PlannedTaskLine(
                task: row.taskID, name: row.name, department: row.department, system: row.system.rawValue, unit: row.unit.rawValue,
                expectedUnitsPerYear: units, savedMinutesPerUnit: entry.savedMinutesPerUnit, productionFrom: start.description,
                daysCounted: days, daysInYear: daysInYear, hours: Rounding.hundredths(minutes / 60),
                countsTowardRPATarget: row.system == .rpa, catalogLine: row.line), minutes))
        }
        return out
    }

    /// The path for the year under way (`current`, the projection of logged work) and the next year.
    package static func path(catalog: TaskCatalog, targets: TargetTable, asOf: LocalDate, current: Projection) -> TargetPath {
        let thisYear = FiscalYear(containing: asOf)
        let years = [thisYear, FiscalYear(thisYear.startYear + 1)].map { year -> TargetPathYear in
            let planned = lines(catalog: catalog, year: year, asOf: asOf)
            let plannedHours = Rounding.hundredths(planned.filter { $0.line.countsTowardRPATarget }.reduce(0) { $0 + $1.minutes } / 60)
            let basis = year == thisYear
                ? "基準日 \(current.asOf) までの実績 \(NumberText.grouped(current.rpaHoursToDate)) 時間からの見込み（\(current.basis)）"
                : "今年度（FY\(thisYear.startYear)）の見込み \(NumberText.grouped(current.projectedRPAHours)) 時間と同じ水準が続くと仮定"
            let target = targets.targets(for: year).rpaHours
            return TargetPathYear(
                fiscalYear: year.startYear, label: year.japaneseLabel, target: target, projectedRPAHours: current.projectedRPAHours,
                projectionBasis: basis, plannedRPAHours: plannedHours,
                toTarget: target.map { Rounding.hundredths($0 - current.projectedRPAHours) },
                remainingGap: target.map { Rounding.hundredths($0 - current.projectedRPAHours - plannedHours) },
                plannedTasks: planned.map(\.line))
        }
        return TargetPath(asOf: asOf.description, years: years, method: method)
    }
}

extension TargetPathYear {
    /// "3,000 時間まで あと 412 時間: 計画中の業務で 260 時間（残り 152 時間）", or that the projection already reaches it.
    package var sentence: String {
        guard let target, let toTarget, let remainingGap else { return "\(label)は RPA 削減時間の目標がありません。" }
        // A policy's targets are whole hours; one with a fraction is shown as the targets table shows it (helper-103 #2).
        let head = "\(label)（見込み）: \(NumberText.grouped(target, decimals: target == target.rounded() ? 0 : 2)) 時間まで"
        if toTarget <= 0 { return "\(head) ログにもとづく見込みで到達（\(NumberText.grouped(-toTarget)) 時間上回る）。計画中の業務で さらに \(NumberText.grouped(plannedRPAHours)) 時間。" }
        let rest = remainingGap > 0 ? "残り \(NumberText.grouped(remainingGap)) 時間" : "目標を \(NumberText.grouped(-remainingGap)) 時間上回る見込み"
        return "\(head) あと \(NumberText.grouped(toTarget)) 時間: 計画中の業務で \(NumberText.grouped(plannedRPAHours)) 時間（\(rest)）。"
    }
}
