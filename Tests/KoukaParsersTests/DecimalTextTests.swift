import Kouka
import Testing

/// What a log's number is: decimal notation only, never Swift's other spellings of a Double.
@Suite struct DecimalTextTests {
    @Test(arguments: [("3", 3.0), ("0", 0), ("2.5", 2.5), (".5", 0.5), ("5.", 5), ("1e3", 1000), ("1.5E+03", 1500), ("-2", -2), ("+4", 4), ("007", 7)])
    func decimalsAreNumbers(text: String, value: Double) {
        #expect(DecimalText.number(text) == value)
    }

    @Test(arguments: ["0x10", "0X1p4", "nan", "NaN", "inf", "infinity", "-inf", "", ".", "e3", "1e", "1e+", "1.2.3", " 3", "3 ", "１０", "1_000", "1e999"])
    func otherSpellingsAreNot(text: String) {
        #expect(DecimalText.number(text) == nil)
    }

    @Test(arguments: [("1,000", 1000.0), ("12,345.5", 12345.5), ("1,234,567", 1234567), ("999", 999)])
    func thousandsGroupsAreNumbers(text: String, value: Double) {
        #expect(DecimalText.number(grouped: text) == value)
    }

    /// Not thousands: a decimal comma (`1,00`), groups of other sizes, a comma at an end.
    @Test(arguments: ["1,00", "12,3,4", ",100", "100,", "1,0000", "1234,567", "1,000,00", "-1,000"])
    func otherCommasAreNot(text: String) {
        #expect(DecimalText.number(grouped: text) == nil)
    }
}
