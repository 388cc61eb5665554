import Foundation
import Kouka
import Testing

/// A name Shift_JIS cannot hold is written as 〓 in a table's `-sjis.csv` copy: the lines it is on are found, to be named
/// in the log (helper-92's sjis-csv-replaces-names-quietly.sh: `𠮷野課` became `〓野課` with nothing said).
struct ShiftJISCopiesTests {
    @Test func theLinesOfCharactersShiftJISLacksAreFound() {
        let csv = "\u{FEFF}担当課,削減時間\r\n税務課,1.00\r\n𠮷野課,2.00\r\n市民課,—\r\n髙橋課,3.00\r\n"
        let unshown = ShiftJISCopies.unshown(in: csv)
        // The dash Kouka writes for none has a Shift_JIS form; 髙 is CP932's.
        #expect(unshown.map(\.line) == [3] + ("髙".data(using: .shiftJIS) == nil ? [5] : []))
        #expect(unshown.first?.characters == "𠮷")
        #expect(ShiftJISCopies.unshown(in: "担当課\r\n税務課\r\n").isEmpty)
    }
}
