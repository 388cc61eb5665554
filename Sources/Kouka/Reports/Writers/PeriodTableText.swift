
/// The policy period table, the path to the target and the new systems as display text: one source for the
/// HTML, Markdown and XLSX writers, so the formats cannot disagree. 見込み is in every projected column's name.
enum PeriodTableText {
    static let header = [
        "年度", "区分", "RPA 目標（時間）", "RPA 実績（時間）", "RPA 見込み（時間）", "RPA 達成", "RPA 累計 実績（時間）", "RPA 累計 見込み（時間）",
        "AI 目標（業務）", "AI 実績（業務）", "AI 達成", "システム導入 目標", "システム導入 実績", "システム導入 見込み", "システム導入 達成",
    ]

    static func status(_ line: PolicyYearLine) -> String {
        switch line.status {
        case "actual": "実績"
        case "in-progress": "実績（基準日まで）・見込み"
        default: "見込み"
        }
    }

    static func met(_ met: Bool?, projected: Bool? = nil) -> String {
        if let met { return met ? "達成" : "未達成" }
        if let projected { return projected ? "達成の見込み" : "未達成の見込み" }
        return "—"
    }

    /// A year whose logs hold no record of the tools (`PolicyYearLine.rpaRecorded`): neither 0 nor 未達成.
    static let noRecords = "記録なし"
    /// Whether a year that is over met a target it cannot be checked against: 記録なし, not 未達成 and not "—".
    static func rpaMet(_ line: PolicyYearLine) -> String {
        line.rpaRecorded == false && line.status == "actual" && line.rpaMet == nil && line.rpaTarget != nil ? noRecords : met(line.rpaMet, projected: line.projectedMet)
    }
    static func aiMet(_ line: PolicyYearLine) -> String {
        line.aiRecorded == false && line.status == "actual" && line.aiTasksMet == nil && line.aiTasksTarget != nil ? noRecords : met(line.aiTasksMet)
    }

    static func hours(_ value: Double?) -> String { value.map { NumberText.grouped($0) } ?? "—" }
    static func count(_ value: Int?) -> String { value.map(NumberText.count) ?? "—" }
    /// A target as the city set it: a whole number of hours without decimals, any other to 0.01 h, never rounded to a
    /// whole one (4.5 shown as 5 would read as met by 4.50).
    static func target(_ value: Double?) -> String {
        value.map { $0 == $0.rounded() ? NumberText.grouped($0, decimals: 0) : NumberText.grouped($0) } ?? "—"
    }

    /// One row's cells, in `header`'s order.
    static func row(_ line: PolicyYearLine, measured: Bool) -> [String] {
        let systems = measured ? count(line.newSystems) : "未計測"
        let systemsPlanned = measured ? (line.newSystemsPlanned.map { $0 == 0 ? "—" : "+\($0)" } ?? "—") : "未計測"
        let systemsMet = measured ? met(line.newSystemsMet) : "未計測"
        return [
            line.label, status(line), target(line.rpaTarget), line.rpaRecorded == false ? noRecords : hours(line.rpaHours), hours(line.projectedRPAHours),
            rpaMet(line), hours(line.cumulativeRPAHours), hours(line.projectedCumulativeRPAHours),
            count(line.aiTasksTarget), line.aiRecorded == false ? noRecords : count(line.aiTasks), aiMet(line), count(line.newSystemsTarget), systems,
            systemsPlanned, systemsMet,
        ]
    }

    static let plannedHeader = ["年度", "業務ID", "業務名", "担当課", "ツール", "年間の見込み処理量", "1単位あたりの削減時間（分）", "本番開始日", "数えた日数", "見込み時間（時間）", "RPA 目標に含める"]

    static func plannedRow(_ year: TargetPathYear, _ t: PlannedTaskLine) -> [String] {
        let unit = EffectUnitLabel.text(t.unit)
        return [year.label, t.task, t.name, t.department, SystemLabel.text(t.system), "\(NumberText.quantity(t.expectedUnitsPerYear)) \(unit)",
                NumberText.given(t.savedMinutesPerUnit), t.productionFrom, "\(t.daysCounted) / \(t.daysInYear) 日", NumberText.grouped(t.hours),
                t.countsTowardRPATarget ? "含める" : "含めない（RPA 以外）"]
    }

    static let systemsHeader = ["年度", "システム名", "担当課", "種別", "稼働開始日", "根拠（契約・決定番号）", "廃止日", "区分", "登録簿の行"]

    static func systemRow(_ year: NewSystemsLine, _ s: NewSystemRow) -> [String] {
        [FiscalYearLabel.text(year.fiscalYear), s.name, s.department, s.kind, s.goLive, s.evidence, s.retired ?? "—",
         s.status == "live" ? "導入済み（実績）" : "見込み（稼働開始前）", String(s.line)]
    }

    /// The targets-table cells for a year whose new systems are not measured: never a 0.
    static func unmeasuredTarget(_ line: NewSystemsLine?) -> [String]? {
        guard let line, !line.measured, let target = line.target else { return nil }
        return [NewSystemsLine.label, NumberText.count(target), "未計測", "未計測（systems 未設定）"]
    }
}

/// Japanese labels of codes, for the period writers.
enum SystemLabel { static func text(_ code: String) -> String { SystemFamily(rawValue: code)?.japaneseLabel ?? code } }
enum EffectUnitLabel { static func text(_ code: String) -> String { EffectUnit(rawValue: code)?.japaneseLabel ?? code } }
enum FiscalYearLabel { static func text(_ year: Int) -> String { FiscalYear(year).japaneseLabel } }
