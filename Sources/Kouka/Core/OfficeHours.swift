/// The hours a city hall's counters and phones are staffed. A chatbot answer given outside them saved no
/// staff time, so reports can leave such answers out.
package struct OfficeHours: Sendable, Hashable {
    /// Minutes after local midnight.
    package var opens: Int
    package var closes: Int

    package init(opens: Int, closes: Int) {
        self.opens = opens
        self.closes = closes
    }

    /// 08:30–17:15, Monday to Friday: a Japanese city hall's usual hours.
    package static let cityHall = OfficeHours(opens: 8 * 60 + 30, closes: 17 * 60 + 15)

    /// Parses `HH:mm` (00:00 to 24:00).
    package static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h) || (h == 24 && m == 0),
              (0..<60).contains(m) else { return nil }
        return h * 60 + m
    }

    /// Whether a local date and minute of the day fall inside office hours. Saturdays and Sundays never do;
    /// national holidays are not known here.
    package func contains(date: LocalDate, minuteOfDay: Int) -> Bool {
        // 1970-01-01 was a Thursday: 0 = Thursday … 2 = Saturday, 3 = Sunday.
        let weekday = ((date.daysSinceEpoch % 7) + 7) % 7
        guard weekday != 2 && weekday != 3 else { return false }
        return minuteOfDay >= opens && minuteOfDay < closes
    }
}
