import Foundation
import Kouka

/// A vendor Kouka does not know, defined here only: `start,task,outcome,items` lines, such as
/// `2024-05-01 10:00:00,受付処理,ok,12`, times in the configured zone.
struct AcmeLogParser: LogParser {
    let formatID = "acme-log"

    func parse(path: String, context: ParseContext, into sink: any ParseSink) throws -> ParseSummary {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var summary = ParseSummary()
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            summary.recordsRead += 1
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4, let date = LocalDate(fields[0].prefix(10)), let items = Double(fields[3]),
                  let time = Self.time(fields[0].dropFirst(11)) else {
                sink.reject(Rejection(file: context.displayPath, line: index + 1, reason: "not start,task,outcome,items"))
                continue
            }
            sink.accept(UsageEvent(
                family: .rpa, occurredAt: context.clock.instant(of: date, hour: time.hour, minute: time.minute, second: time.second),
                taskName: fields[1], outcome: fields[2] == "ok" ? .success : .failure, quantity: items, unit: .items,
                source: context.location(index + 1)))
        }
        return summary
    }

    private static func time(_ text: Substring) -> (hour: Int, minute: Int, second: Double)? {
        let parts = text.split(separator: ":").compactMap { Int($0) }
        return parts.count == 3 ? (parts[0], parts[1], Double(parts[2])) : nil
    }
}
