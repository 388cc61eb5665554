import Foundation
import Logging

/// The `-sjis.csv` copies of a report set's tables write a character Shift_JIS lacks (a name from a log, `𠮷野課`) as 〓
/// (`CSVReportWriter.shiftJIS`): each such cell is named in the log with the UTF-8 file that has it, never left to be
/// found in a published table (helper-92's sjis-csv-replaces-names-quietly.sh).
package enum ShiftJISCopies {
    /// The lines of `csv` holding characters Shift_JIS lacks, each with those characters, in order.
    package static func unshown(in csv: String) -> [(line: Int, characters: String)] {
        var found: [(line: Int, characters: String)] = []
        for (index, line) in csv.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let text = String(line).replacingOccurrences(of: "\u{2014}", with: "\u{2015}")
            guard text.data(using: .shiftJIS) == nil else { continue }
            let missing = text.filter { $0 != "\u{FEFF}" && String($0).data(using: .shiftJIS) == nil }
            if !missing.isEmpty { found.append((index + 1, String(missing))) }
        }
        return found
    }

    /// Warns of every cell of `texts`' `-sjis.csv` files written as 〓, by its UTF-8 table's text.
    package static func warn(_ texts: [(name: String, data: Data)], logger: Logger) {
        let utf8 = Dictionary(texts.map { ($0.name, $0.data) }, uniquingKeysWith: { first, _ in first })
        for (name, _) in texts where name.hasSuffix("-sjis.csv") {
            let original = String(name.dropLast("-sjis.csv".count)) + ".csv"
            guard let data = utf8[original] else { continue }
            for (line, characters) in unshown(in: String(decoding: data, as: UTF8.self)) {
                logger.warning("a character Shift_JIS cannot hold is written as 〓 in the Shift_JIS copy; the UTF-8 table has it", metadata: [
                    "file": "\(name)", "line": "\(line)", "characters": "\(characters)", "utf8": "\(original)",
                ])
            }
        }
    }
}
