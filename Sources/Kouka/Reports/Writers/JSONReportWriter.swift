import Foundation

/// Writes a report as JSON with sorted keys, so the same report is always the same bytes.
package enum JSONReportWriter {
    package static func write(_ report: YearReport, to output: inout some TextOutputStream) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(report)
        output.write(String(decoding: data, as: UTF8.self))
        output.write("\n")
    }
}
