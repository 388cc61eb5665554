import Foundation

/// Converts between instants and the configured zone's wall-clock time.
///
/// Cron servers often run in UTC, so nothing here uses the process's zone: every conversion goes through
/// the zone named in the configuration (default Asia/Tokyo).
public struct LocalClock: Sendable {
    /// The zone in which days, and so fiscal years, are taken.
    public let zone: TimeZone
    /// The zone's offset when it has no daylight-saving changes from 2000 on (Asia/Tokyo): conversions are
    /// then plain arithmetic, not a time-zone lookup per event on the ingest's hot path.
    private let fixedOffset: Int?

    /// A clock for `zone`.
    public init(zone: TimeZone) {
        self.zone = zone
        let since2000 = Date(timeIntervalSince1970: 946_684_800)
        fixedOffset = zone.nextDaylightSavingTimeTransition(after: since2000) == nil ? zone.secondsFromGMT(for: since2000) : nil
    }

    /// The default zone of a Japanese city hall.
    public static let tokyo = LocalClock(zone: TimeZone(identifier: "Asia/Tokyo")!)

    /// The local calendar date on which `instant` falls.
    public func localDate(of instant: Date) -> LocalDate { wallClock(of: instant).date }

    /// The local date and minute of the day of `instant`.
    public func wallClock(of instant: Date) -> (date: LocalDate, minuteOfDay: Int) {
        let day = localDay(of: instant)
        return (LocalDate(daysSinceEpoch: day.daysSinceEpoch), day.minuteOfDay)
    }

    /// The local day of `instant` as days since 1970-01-01, and its minute of the day: the same as
    /// `wallClock(of:)` without making a calendar date, for the aggregator's every event.
    package func localDay(of instant: Date) -> (daysSinceEpoch: Int, minuteOfDay: Int) {
        let seconds = instant.timeIntervalSince1970 + Double(fixedOffset ?? zone.secondsFromGMT(for: instant))
        let days = (seconds / 86_400).rounded(.down)
        return (Int(days), Int((seconds - days * 86_400) / 60))
    }

    /// The instant of a wall-clock time in this zone. A time that happens twice (the overlap when clocks go
    /// back) or never (the gap when they go forward) is read with the offset in force before the change.
    public func instant(of date: LocalDate, hour: Int, minute: Int, second: Double) -> Date {
        let wall = Double(date.daysSinceEpoch) * 86_400 + Double(hour * 3600 + minute * 60) + second
        if let fixedOffset { return Date(timeIntervalSince1970: wall - Double(fixedOffset)) }
        // Offsets change at most once within a day either side, so these are the offsets before and after.
        let before = Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: wall - 86_400)))
        let after = Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: wall + 86_400)))
        let withBefore = Date(timeIntervalSince1970: wall - before)
        if Double(zone.secondsFromGMT(for: withBefore)) == before { return withBefore }
        let withAfter = Date(timeIntervalSince1970: wall - after)
        if Double(zone.secondsFromGMT(for: withAfter)) == after { return withAfter }
        return withBefore
    }

    /// The instant at which `date` begins in this zone.
    public func startOfDay(_ date: LocalDate) -> Date { instant(of: date, hour: 0, minute: 0, second: 0) }
}
