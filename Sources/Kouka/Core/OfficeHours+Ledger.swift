/// Office hours as the ledger records them for each file whose chatbot answers they judged, and as the
/// reports state them. A file's answers are marked off-hours when it is read; the record says by which
/// hours, so that a change of `[office_hours]` is seen and the file read again.
extension OfficeHours {
    /// The hours as the ledger keeps them, rule included: `mon-fri 08:30-17:15`. The days are part of it, so
    /// that a future change of the rule (holidays, Saturdays) reads as a change of hours.
    package var ledgerText: String { "mon-fri \(Self.clock(opens))-\(Self.clock(closes))" }

    /// The hours a ledger text gives; nil for anything `ledgerText` does not write (such as the `unknown` of
    /// a line written by a Kouka that did not record them).
    package init?(ledgerText: String) {
        let parts = ledgerText.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0] == "mon-fri" else { return nil }
        let times = parts[1].split(separator: "-", omittingEmptySubsequences: false)
        guard times.count == 2, let opens = Self.minutes(String(times[0])), let closes = Self.minutes(String(times[1])), opens < closes,
              times[0].count == 5, times[1].count == 5 else { return nil }
        self.init(opens: opens, closes: closes)
    }

    /// The hours as a report states them: 月曜〜金曜 08:30〜17:15.
    package var label: String { "月曜〜金曜 \(Self.clock(opens))〜\(Self.clock(closes))" }

    /// The hours of a ledger text as a report states them; a text that names no hours (a line written by an
    /// earlier Kouka) is said to be unknown, never taken for the default.
    package static func label(ofLedgerText text: String) -> String {
        OfficeHours(ledgerText: text)?.label ?? "不明（開庁時間を記録しない版の Kouka で読込）"
    }

    /// What the v7 migration writes for a file that had chatbot answers before the hours were recorded.
    package static let unknownLedgerText = "unknown"

    /// `HH:mm` of a minute of the day (24:00 for the end of the day).
    static func clock(_ minutes: Int) -> String {
        let h = minutes / 60, m = minutes % 60
        return (h < 10 ? "0\(h)" : "\(h)") + ":" + (m < 10 ? "0\(m)" : "\(m)")
    }
}
