
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
            ? "速報: 期間の終了から \(PeriodSettling.days) 日を経ていない \(asOf) 現在の数値。夜間集計がその後の日をまだ読み終えていない（夜間集計が止まったか、ログの置き場所の一つにファイルが見つからなかった）ため、確定した数値ではない。夜間集計がすべてを読んだ後に作り直すこと。"
            : "速報: 期間の終了から \(PeriodSettling.days) 日を経ていない \(asOf) 現在の数値。遅れて届くログで変わりうる。確定した数値は \(settledFrom) 以降に作る報告が示す。"
    }
}
