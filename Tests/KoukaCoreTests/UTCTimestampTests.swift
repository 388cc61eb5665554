import Foundation
import Kouka
import Testing

/// `UTCTimestamp` writes what `ISO8601DateFormatter` writes, without making one.
struct UTCTimestampTests {
    @Test(arguments: [0.0, 1_711_929_900, 1_764_620_742.318, 951_782_400, 4_102_444_799.999, -86_400.5, 1_709_164_800])
    func writesWhatTheFoundationFormatterWrites(epoch: Double) {
        let instant = Date(timeIntervalSince1970: epoch)
        let plain = ISO8601DateFormatter()
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        #expect(UTCTimestamp.string(from: instant) == plain.string(from: instant))
        #expect(UTCTimestamp.string(from: instant, milliseconds: true) == fractional.string(from: instant))
    }
}
