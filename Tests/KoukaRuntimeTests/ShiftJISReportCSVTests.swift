import Foundation
import Kouka
import Testing

/// The Shift_JIS copy of a report's CSV loses no character without a mark: Kouka's own "none" dash is written as
/// Shift_JIS's dash, and a character Shift_JIS lacks as 〓, never as a `?` that reads as text.
struct ShiftJISReportCSVTests {
    @Test func theNoneDashIsShiftJISsOwnAndAMissingCharacterIsMarked() throws {
        let data = CSVReportWriter.shiftJIS("\u{FEFF}年度,AI 達成,名前\r\n令和7年度,—,市民課😀\r\n")
        let text = try #require(String(data: data, encoding: .shiftJIS))
        #expect(text == "年度,AI 達成,名前\r\n令和7年度,―,市民課〓\r\n")
        #expect(!data.contains(0x3F), "no ? stands for a character")
    }
}
