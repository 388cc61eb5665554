import Foundation
import Kouka
import Testing

/// `Timestamp`: the date-times logs write — ISO 8601 with an offset, `Z` or none, and the Japanese
/// export style including what Excel writes back. Epoch values are from `date -u -d … +%s`.
struct TimestampTests {
    static let utc = LocalClock(zone: TimeZone(identifier: "UTC")!)

    @Test func isoWithAnOffsetAndSevenFractionDigits() throws {
        let stamp = try #require(Timestamp("2022-11-11T09:38:39.4924017+08:00"))
        #expect(stamp.date == LocalDate(year: 2022, month: 11, day: 11))
        #expect(stamp.hour == 9 && stamp.minute == 38)
        #expect(abs(stamp.second - 39.4924017) < 1e-9)
        #expect(stamp.utcOffset == 8 * 3600)
        // 2022-11-11T01:38:39Z = 1,668,130,719; the offset decides, not the clock's zone.
        #expect(sameInstant(stamp.instant(in: .tokyo).timeIntervalSince1970, 1_668_130_719.4924017))
        #expect(sameInstant(stamp.instant(in: Self.utc).timeIntervalSince1970, 1_668_130_719.4924017))
    }

    /// The last tenth of a microsecond of a day is still that day, with an offset or in the clock's zone: a Double of seconds
    /// since 1970 rounded 23:59:59.9999999 up to the next day's midnight, and a run of March 31 counted in the next fiscal
    /// year (helper-194 #1).
    @Test(arguments: ["2026-03-31T23:59:59.9999999+09:00", "2026-03-31T14:59:59.9999999Z", "2026-03-31 23:59:59.9999999"])
    func theLastInstantOfADayIsThatDays(_ text: String) throws {
        let stamp = try #require(Timestamp(text))
        #expect(LocalClock.tokyo.localDate(of: stamp.instant(in: .tokyo)) == LocalDate(year: 2026, month: 3, day: 31))
    }

    /// A UiPath line's `timeStamp` is read by position (`fixedWidthWithFraction`); the same text with a space after it
    /// takes the general reading. Both must give the same date, time, second to the bit, and offset, and reject alike.
    @Test func theFixedWidthReadingOfAFractionAndOffsetIsTheGeneralReadings() {
        var generator = SystemRandomNumberGenerator()
        var texts = ["2021-04-01T07:00:00.0000000+09:00", "2024-02-29T23:59:60.9999999-14:00", "2024-02-30T00:00:00.1+09:00",
                     "2024-01-01T00:00:00.+09:00", "2024-01-01T00:00:00.5+15:00", "2024-01-01T00:00:00.5+09:60", "2024-01-01T00:00:00.5+0900",
                     "2024-01-01T24:00:00.5Z", "2024/01/01 10:00:00.123456789012Z", "2024-01-01T10:00:00.5x09:00"]
        for _ in 0..<500 {
            let digits = String((0..<Int.random(in: 1...12, using: &generator)).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
            let offset = Bool.random(using: &generator) ? "Z" : String(format: "%@%02d:%02d", Bool.random(using: &generator) ? "+" : "-",
                                                                         Int.random(in: 0...15, using: &generator), Int.random(in: 0...60, using: &generator))
            texts.append(String(format: "2024-%02d-%02dT%02d:%02d:%02d.", Int.random(in: 1...12, using: &generator), Int.random(in: 1...31, using: &generator),
                                Int.random(in: 0...24, using: &generator), Int.random(in: 0...60, using: &generator), Int.random(in: 0...61, using: &generator))
                         + digits + offset)
        }
        for text in texts {
            let fast = Timestamp(text), general = Timestamp(text + " ")
            #expect(fast == general, "\(text)")
            #expect(fast?.second.bitPattern == general?.second.bitPattern, "\(text)")
        }
    }

    @Test(arguments: [
        ("2022-06-16T12:54:40Z", 1_655_384_080.0),
        ("2022-06-16T12:54:40z", 1_655_384_080.0),
        ("2022-06-16T21:54:40+09:00", 1_655_384_080.0),
        ("2022-06-16T21:54:40+0900", 1_655_384_080.0),
        ("2022-06-16T21:54:40+09", 1_655_384_080.0),
        ("2022-06-16T07:54:40-05:00", 1_655_384_080.0),
        ("2022-06-16T12:54:40.250Z", 1_655_384_080.25),
        ("2022-06-16T12:54:40,5Z", 1_655_384_080.5),
        ("2024-03-31T15:30:00Z", 1_711_899_000.0),
    ])
    func isoInstants(text: String, epoch: Double) throws {
        let stamp = try #require(Timestamp(text))
        #expect(stamp.utcOffset != nil)
        #expect(sameInstant(stamp.instant(in: .tokyo).timeIntervalSince1970, epoch))
    }

    /// Without an offset a time is wall-clock time in the configured zone, never the server's.
    @Test(arguments: [
        "2024/04/01 09:05:00", "2024/4/1 9:05", "2024-04-01T09:05:00", "2024-04-01 09:05", " 2024/04/01 09:05:00 ",
    ])
    func localTimesAreReadInTheClocksZone(text: String) throws {
        let stamp = try #require(Timestamp(text))
        #expect(stamp.utcOffset == nil)
        #expect(stamp.date == LocalDate(year: 2024, month: 4, day: 1))
        #expect(stamp.hour == 9 && stamp.minute == 5 && stamp.second == 0)
        // 09:05 JST = 00:05Z = 1,711,929,600 + 300; 09:05 UTC is nine hours later.
        #expect(stamp.instant(in: .tokyo).timeIntervalSince1970 == 1_711_929_900)
        #expect(stamp.instant(in: Self.utc).timeIntervalSince1970 == 1_711_929_900 + 9 * 3600)
    }

    @Test func aDateAloneIsLocalMidnight() throws {
        let stamp = try #require(Timestamp("2024/04/01"))
        #expect(stamp.hour == 0 && stamp.minute == 0 && stamp.second == 0 && stamp.utcOffset == nil)
        #expect(stamp.instant(in: .tokyo).timeIntervalSince1970 == 1_711_897_200) // 2024-03-31T15:00:00Z
    }

    @Test(arguments: [
        "", "yesterday", "2024-02-30", "2023-02-29T00:00:00Z", "2024-13-01 00:00", "2024/04-01 09:05", "24/04/01 09:05",
        "2024-04-01T24:00", "2024-04-01T09:60", "2024-04-01T09:05:61", "2025-03-31T23:59:60", "2024-04-01T09", "2024-04-01T09:",
        "2024-04-01 09:05 JST", "2024-04-01T09:05:00+15:00", "2024-04-01T09:05:00+09:60", "2024-04-01T09:05:00.+09:00",
        "2024-04-01X09:05", "2024-04-01T09:05:00Zjunk", "2024-04-01T09:05:00+", "12345-01-01", "2024-04-01T",
    ])
    func rejectsWhatIsNotADateTime(text: String) {
        #expect(Timestamp(text) == nil)
    }

    /// Exports write every row's time with every digit, 19 bytes, and those are read by position; a space
    /// in front sends the same time the general way, and both must agree.
    @Test(arguments: [
        "2024/04/01 09:05:07", "2024-04-01T09:05:07", "2024-04-01 09:05:07", "2024/02/29 23:59:59", "2000/01/01 00:00:00",
        "2023/12/31 23:59:59", "1999/12/31 12:00:00",
    ])
    func everyDigitWrittenReadsAsTheGeneralWayReadsIt(text: String) throws {
        let fixed = try #require(Timestamp(text))
        let general = try #require(Timestamp(" " + text))
        #expect(fixed == general)
        #expect(fixed.instant(in: .tokyo) == general.instant(in: .tokyo))
    }

    @Test(arguments: [
        "2023/02/29 10:00:00", "2024/04/31 10:00:00", "2024/13/01 10:00:00", "2024/00/01 10:00:00", "2024/04/00 10:00:00",
        "2024/04/01 24:00:00", "2024/04/01 09:60:00", "2024/04/01 09:05:61", "2025/03/31 23:59:60", "2024/04-01 09:05:00", "2024/04/01_09:05:00",
        "2024/04/01 09:05:0x", "0999/04/01 09:05:00", "2024/04/01 09-05-00", "２０24/04/01 09:05",
    ])
    func aNineteenByteTextThatIsNoDateTimeIsRejected(text: String) {
        #expect(Timestamp(text) == nil)
    }
}
