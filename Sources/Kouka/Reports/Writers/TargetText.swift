/// How every writer shows a target line, so that a metric without records reads 記録なし in each format alike.
enum TargetText {
    static func decimals(_ t: TargetLine) -> Int { t.metric == "rpa-hours" ? 2 : 0 }

    /// The actual, or 記録なし when the period's logs hold no record of the metric's tools (`TargetLine.actual`).
    static func actual(_ t: TargetLine) -> String {
        t.actual.map { NumberText.grouped($0, decimals: decimals(t)) } ?? PeriodTableText.noRecords
    }

    /// 達成 or 未達成; 記録なし for a target above 0 that cannot be checked because nothing was recorded.
    static func met(_ t: TargetLine) -> String {
        t.actual == nil && !t.met ? PeriodTableText.noRecords : (t.met ? "達成" : "未達成")
    }

    /// The actual as a share of the target, in %; nil without a target above 0 or without an actual.
    static func share(_ t: TargetLine) -> Double? {
        guard t.target > 0, let actual = t.actual else { return nil }
        return actual / t.target * 100
    }
}
