
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
    /// `today`: a period over by then whose store stops short of its last day (nightly runs that stopped, or that found a
    /// source empty, `SourcesUnread`) is no period under way: its set is a 速報 too, not one stating the year as it goes
    /// with exit 0 (helper-165 #2).
    package static func preliminary(_ period: ReportPeriod, asOf: LocalDate, today: LocalDate? = nil) -> Preliminary? {
        let overButBehind = asOf < period.lastDay && today.map { period.lastDay < $0 } == true
        guard period.lastDay <= asOf || overButBehind, asOf < settledDay(of: period) else { return nil }
        return Preliminary(asOf: asOf.description, settledFrom: settledDay(of: period).adding(days: 1).description)
    }
}
