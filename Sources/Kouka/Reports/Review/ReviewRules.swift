/// The verdict rules of `[review]`, each a pure function of figures: what it found, or why it could not be
/// applied. A rule whose figure was not measured is named as not applied, never passed as met.
package enum ReviewRules {
    /// What one rule says of one tool.
    package struct Finding: Sendable, Equatable {
        /// 2 見直し, 1 改善要, 0 nothing found.
        package var level: Int
        package var reasons: [String]
        /// The rule, when it could not be applied, and why.
        package var notApplied: String?

        package static let none = Finding(level: 0, reasons: [], notApplied: nil)
    }

    /// 見直し when the licence per hour saved is above the staff hourly cost, or a licence saved no hour.
    package static func cost(licenceYen: Double?, hoursSaved: Double, staffHourlyYen: Double?) -> Finding {
        guard let staff = staffHourlyYen else { return Finding(level: 0, reasons: [], notApplied: "費用: [money] が設定されていない") }
        guard let licence = licenceYen, licence > 0 else { return Finding(level: 0, reasons: [], notApplied: "費用: ライセンス費が設定されていない") }
        guard hoursSaved > 0 else {
            return Finding(level: 2, reasons: ["削減時間 \(NumberText.grouped(hoursSaved)) 時間に対しライセンス費 \(NumberText.grouped(licence, decimals: 0)) 円"], notApplied: nil)
        }
        let perHour = licence / hoursSaved
        // Judged exactly, the binary noise of a division aside: 27,600 yen over 552 minutes is 3,000 yen an hour, which binary
        // division made 3,000.0000000000005 and 見直し with exit 0 (helper-180 #1); judged to the yen instead, a staff cost of
        // 3,000.6 against 3,000.54 an hour was 見直し too (helper-182 #1). The reason shows both with the decimals that tell
        // them apart.
        guard ReviewFormat.exceeds(perHour, staff, finest: 1e-6) else { return .none }
        let (shownPerHour, shownStaff) = ReviewFormat.apart(perHour, staff, decimals: 0, most: 6)
        return Finding(level: 2, reasons: [
            "ライセンス費 ÷ 削減時間 = \(shownPerHour) 円/時間 > 職員の時間単価 \(shownStaff) 円",
        ], notApplied: nil)
    }

    /// 見直し when use fell in each of the last `years` fiscal years up to `judgedYear`. Not judged while that year is under way
    /// (`judgedThrough` before its last day): its use to date against earlier whole years falls in most years until March
    /// (helper-179 #1: 20 sheets by November 15 against 24 and 30 in whole years was 見直し, though on the same days of the year
    /// before there were 24 — the monthly year-to-date report told the city to review a tool whose use had not fallen).
    package static func falling(use: [Int: Double], judgedYear: Int?, years: Int, judgedThrough: LocalDate? = nil) -> Finding {
        guard let judgedYear else { return Finding(level: 0, reasons: [], notApplied: "利用の減少: 年度の報告でのみ判定する") }
        if let judgedThrough, judgedThrough < FiscalYear(judgedYear).lastDay {
            return Finding(level: 0, reasons: [], notApplied: "利用の減少: 年度の途中（\(judgedThrough) まで）の利用量は前の年度の1年分と比べられないため、年度が終わってから判定する")
        }
        let span = (judgedYear - years)...judgedYear
        guard span.allSatisfy({ use[$0] != nil }) else {
            return Finding(level: 0, reasons: [], notApplied: "利用の減少: \(span.lowerBound)〜\(span.upperBound)年度のデータがそろっていない")
        }
        let values = span.map { use[$0]! }
        guard zip(values, values.dropFirst()).allSatisfy({ $1 < $0 }) else { return .none }
        return Finding(level: 2, reasons: [
            "利用量が\(years)年度続けて減少（" + span.map { "FY\($0) \(NumberText.quantity(use[$0]!))" }.joined(separator: " → ") + "）",
        ], notApplied: nil)
    }

    /// 改善要 when `rate` is above `max`. Each rate rule judges exactly, the binary noise of a division aside (helper-180 #2:
    /// 1 − 7/100 is 0.9299999999999999, which was "93.0% < 下限 93.0%" and 改善要; helper-182 #2: rounded to 0.1 % first, 1
    /// failure in 80 runs was "1.3% > 上限 1.3%" against a maximum of 1.25 %), and shows both with the decimals that tell
    /// them apart.
    package static func above(_ rate: Double?, max: Double, what: String, key: String) -> Finding {
        guard let rate else { return Finding(level: 0, reasons: [], notApplied: "\(what): 未測定（ログに分母がない）") }
        guard ReviewFormat.exceeds(rate, max) else { return .none }
        let (shown, limit) = ReviewFormat.percentsApart(rate, max)
        return Finding(level: 1, reasons: ["\(what) \(shown) > 上限 \(limit)（\(key)）"], notApplied: nil)
    }

    /// 改善要 when `rate` is below `min`.
    package static func below(_ rate: Double?, min: Double, what: String, key: String) -> Finding {
        guard let rate else { return Finding(level: 0, reasons: [], notApplied: "\(what): 未測定（ログに分母がない）") }
        guard ReviewFormat.exceeds(min, rate) else { return .none }
        let (shown, limit) = ReviewFormat.percentsApart(rate, min)
        return Finding(level: 1, reasons: ["\(what) \(shown) < 下限 \(limit)（\(key)）"], notApplied: nil)
    }

    /// 改善要 when a robot task's failure rate is above `max`; `tasks` are (label, rate, runs judged) of the
    /// tasks with enough runs.
    /// `tasks`: each task's label, failure rate, and what the rate is over (a count, and its unit: 回 for runs, 件 for items).
    package static func tasksAbove(_ tasks: [(String, Double, Double, String)], max: Double, minimumRuns: Int) -> Finding {
        let over = tasks.filter { ReviewFormat.exceeds($0.1, max) }
        guard !over.isEmpty else {
            return tasks.isEmpty ? Finding(level: 0, reasons: [], notApplied: "失敗率: \(minimumRuns) 回以上実行した業務がない") : .none
        }
        return Finding(level: 1, reasons: over.map {
            "\($0.0) の失敗率 \(ReviewFormat.percentsApart($0.1, max).0)（\(NumberText.quantity($0.2)) \($0.3)中）> 上限 \(ReviewFormat.percentsApart($0.1, max).1)（robot_failure_rate_max）"
        }, notApplied: nil)
    }

    /// The verdict from the findings: 見直し over 改善要 over 継続; 利用なし for a tool with no use and no licence.
    package static func verdict(findings: [Finding], hasUse: Bool) -> ReviewVerdict {
        let level = findings.map(\.level).max() ?? 0
        let (code, label): (String, String) = !hasUse ? ("no-use", "利用なし") : [("continue", "継続"), ("improve", "改善要"), ("review", "見直し")][level]
        return ReviewVerdict(code: code, label: label, reasons: findings.filter { $0.level == level && level > 0 }.flatMap(\.reasons),
                             rules: [], notApplied: findings.compactMap(\.notApplied))
    }
}
