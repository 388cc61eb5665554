import Foundation
import Kouka

/// A parse context in Tokyo with a fixed "today" (and now, at its start), so results never depend on when
/// the tests run. Unfinished runs wait for ever unless a test gives them an age.
func tokyoContext(
    _ path: String, today: LocalDate = LocalDate(year: 2030, month: 1, day: 1), encoding: TextEncoding = .auto,
    pendingMaxAge: TimeInterval = .infinity
) -> ParseContext {
    ParseContext(clock: .tokyo, displayPath: (path as NSString).lastPathComponent, encoding: encoding, today: today,
                 now: LocalClock.tokyo.startOfDay(today), pendingMaxAge: pendingMaxAge)
}

/// Epoch seconds of an instant, for comparisons written as `date -u -d … +%s` values.
extension UsageEvent {
    var epoch: Double { occurredAt.timeIntervalSince1970 }
}

/// Whether two instants are within a microsecond (timestamps carry up to 7 fraction digits).
func sameInstant(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-5 }
