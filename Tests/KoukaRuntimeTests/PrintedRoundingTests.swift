@testable import Kouka
import Testing

/// Every printed figure is rounded by the reports' one rule (`Rounding`: half away from zero, in decimal), also the ones
/// printed from unrounded values — a tool review's rates and minutes, a table's quantities — which the workbook stores
/// unrounded and Excel shows by that rule (helper-109 #3: 1.005 printed 1.00 in the Markdown, HTML and CSV, 1.01 in Excel).
@Suite struct PrintedRoundingTests {
    @Test(arguments: [(1.005, 2, "1.01"), (-1.005, 2, "-1.01"), (2.675, 2, "2.68"), (1_234_567.125, 2, "1,234,567.13"), (0.0049, 2, "0.00"),
                      (-0.004, 2, "0.00"), (10.05, 1, "10.1"), (0.5, 0, "1"), (60.3 / 60, 2, "1.01"), (1.004999, 2, "1.00")])
    func aFigureIsPrintedAsTheDecimalItStandsForRounds(value: Double, decimals: Int, printed: String) {
        #expect(NumberText.grouped(value, decimals: decimals) == printed)
        #expect(NumberText.plain(value, decimals: decimals) == printed.replacingOccurrences(of: ",", with: ""))
    }

    @Test func aQuantityPrintsAsItsHoursDo() {
        // A 60.3-second meeting: 1.005 audio-minutes.
        #expect(NumberText.quantity(60.3 / 60) == "1.01")
        #expect(NumberText.quantity(3) == "3")
        #expect(NumberText.grouped(Rounding.hundredths(60.3 / 60)) == NumberText.grouped(60.3 / 60))
    }
}
