
/// When a period's figures are settled: nine days after its end, the logs of its last days have arrived (a robot's log
/// copied to the share late, the tools' exports of the month made in its first days). The packaged closing report of a
/// year runs on April 10, and a month's report is made again on the 10th, each as of the 9th. A set stating its figures
/// as of an earlier day (the month's report of the 1st, the year-to-date report of April 1 for the year just ended) is a
/// 速報 (preliminary), and a set made again over it restates nothing (helper-150 #1: every closing report was named 改訂, exit 1,
/// though only March's last exports had arrived).
package enum PeriodSettling {
    /// Days after a period's last day before its figures are settled.
    package static let days = 9

    /// The first day a set may state its figures as of for them to be the period's settled ones.
    package static func settledDay(of period: ReportPeriod) -> LocalDate { period.lastDay.adding(days: days) }

    /// What a set of `period` made as of `asOf` says of itself: nil while the period is under way (its figures grow each
    /// night, as it says) or once it is settled; else the day it settles.
    package static func preliminary(_ period: ReportPeriod, asOf: LocalDate) -> Preliminary? {
        guard period.lastDay <= asOf, asOf < settledDay(of: period) else { return nil }
        return Preliminary(asOf: asOf.description, settledFrom: settledDay(of: period).adding(days: 1).description)
    }
}

/// A set of a period that is over, made before its figures settled (`PeriodSettling`): 速報.
package struct Preliminary: Sendable, Hashable, Codable {
    /// The last complete day the set states its figures as of.
    package var asOf: String
    /// The first day a set made states the period's settled figures.
    package var settledFrom: String
    /// Made on or after `settledFrom` all the same: the nightly runs of the days before had not read the store (a run that
    /// failed or did not run, or one still running when the report took the store). Nil (left out) otherwise.
    package var storeBehind: Bool? = nil

    package init(asOf: String, settledFrom: String, storeBehind: Bool? = nil) {
        self.asOf = asOf
        self.settledFrom = settledFrom
        self.storeBehind = storeBehind
    }

    /// What the report says of it, in Japanese, as its readers see it. A set made on the day its settled figures were due
    /// says why it is a 速報 all the same, not that a later set will settle them (helper-153 #4).
    package var notice: String {
        storeBehind == true
            ? "速報: 期間の終了から \(PeriodSettling.days) 日を経ていない \(asOf) 現在の数値。夜間集計がその後の日をまだ読んでいないため、確定した数値ではない。夜間集計の後に作り直すこと。"
            : "速報: 期間の終了から \(PeriodSettling.days) 日を経ていない \(asOf) 現在の数値。遅れて届くログで変わりうる。確定した数値は \(settledFrom) 以降に作る報告が示す。"
    }
}
