import Kouka
import Testing

/// Issue 13 item 12: the office hours a file's chatbot answers were judged by, as the ledger records them and
/// the reports state them.
struct OfficeHoursLedgerTests {
    @Test func theLedgerTextNamesTheDaysAndTheHoursAndReadsBack() {
        #expect(OfficeHours.cityHall.ledgerText == "mon-fri 08:30-17:15")
        #expect(OfficeHours(opens: 0, closes: 1440).ledgerText == "mon-fri 00:00-24:00")
        for hours in [OfficeHours.cityHall, OfficeHours(opens: 9 * 60, closes: 17 * 60), OfficeHours(opens: 5, closes: 1440)] {
            #expect(OfficeHours(ledgerText: hours.ledgerText) == hours)
        }
        #expect(OfficeHours.cityHall.label == "月曜〜金曜 08:30〜17:15")
    }

    /// Hours the ledger does not know (an earlier Kouka's `unknown`) are said to be unknown, never taken for
    /// the default hours.
    @Test(arguments: ["unknown", "", "08:30-17:15", "mon-fri 8:30-17:15", "mon-fri 17:15-08:30", "sat-sun 08:30-17:15"])
    func anythingElseIsUnknown(text: String) {
        #expect(OfficeHours(ledgerText: text) == nil)
        #expect(OfficeHours.label(ofLedgerText: text).hasPrefix("不明"))
    }
}
