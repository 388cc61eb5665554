import Foundation

/// Converts between instants and the configured zone's wall-clock time.
///
/// Cron servers often run in UTC, so nothing here uses the process's zone: every conversion goes through
/// the zone named in the configuration (default Asia/Tokyo).
public struct LocalClock: Sendable {
    public let zone: TimeZone

    public init(zone: TimeZone) { self.zone = zone }

    /// The default zone of a Japanese city hall.
    public static let tokyo = LocalClock(zone: TimeZone(identifier: "Asia/Tokyo")!)

    /// The local calendar date on which `instant` falls.
    public func localDate(of instant: Date) -> LocalDate {
        let seconds = instant.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: instant))
        return LocalDate(daysSinceEpoch: Int((seconds / 86_400).rounded(.down)))
    }

    /// The instant of a wall-clock time in this zone. In a gap or overlap of a daylight-saving change,
    /// the offset in force just before the change is used.
    public func instant(of date: LocalDate, hour: Int, minute: Int, second: Double) -> Date {
        let wall = Double(date.daysSinceEpoch) * 86_400 + Double(hour * 3600 + minute * 60) + second
        let guess = Date(timeIntervalSince1970: wall - Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: wall))))
        let offset = zone.secondsFromGMT(for: guess)
        return Date(timeIntervalSince1970: wall - Double(offset))
    }

    /// The instant at which `date` begins in this zone.
    public func startOfDay(_ date: LocalDate) -> Date { instant(of: date, hour: 0, minute: 0, second: 0) }
}
