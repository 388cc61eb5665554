import Foundation
import KoukaCore

/// Reads snapshots of DeepL's `/v2/usage` answer (`character_count`, with `start_time` / `end_time` on
/// Pro), saved as JSON lines or a JSON array by whatever polls it. The count is cumulative within a
/// billing period, so the latest snapshot of each period is that period's usage: one event per period,
/// dated at the period's start. Snapshots without `start_time` need a `date` key naming the period start.
///
/// The events are marked `cumulative`: a period's snapshots may be split over several files (one a month,
/// a period that crosses months), and of one period the largest count across files is its usage, never
/// the sum (`RunningTotals`, when reports are built).
public struct DeepLUsageParser: LogParser {
    public let formatID = "deepl-usage"
    public let options: SourceOptions

    public init(options: SourceOptions) { self.options = options }

    public func parse(path: String, context: ParseContext, into sink: any ParseSink) throws -> ParseSummary {
        var summary = ParseSummary()
        var periods: [LocalDate: (count: Double, at: Date, line: Int)] = [:]
        let end = try JSONObjectRecords.read(path: path, context: context, format: formatID) { object, line in
            summary.recordsRead += 1
            // A rejected snapshot is dated by the start of its period, when it gives one.
            let reject = { (reason: String, day: LocalDate?) in sink.reject(Rejection(file: context.displayPath, line: line, reason: reason, day: day)) }
            guard let object else { return reject("not a JSON object", nil) }
            let periodText = [JSONObjectRecords.text(object, "start_time"), JSONObjectRecords.text(object, "date")].first { !$0.isEmpty } ?? ""
            let period = Timestamp(periodText)
            guard let count = Double(JSONObjectRecords.text(object, "character_count")), count.isFinite, count >= 0 else {
                return reject("character_count is missing or not a number", period.map { context.clock.localDate(of: $0.instant(in: context.clock)) })
            }
            guard let stamp = period else { return reject("no period: start_time (DeepL Pro) or a date is needed", nil) }
            let instant = stamp.instant(in: context.clock)
            // A period is known by the local day it starts, as its rollup is: a `date` and a `start_time` of the
            // same period (a poller that changed) are one period, whose largest count is its usage.
            let key = context.clock.localDate(of: instant)
            if periods[key].map({ count >= $0.count }) ?? true { periods[key] = (count, instant, line) }
        }
        if end.roots == 0 { throw FormatMismatch(path: context.displayPath, format: formatID, reason: "no usage snapshots") }
        for (_, period) in periods.sorted(by: { $0.value.at < $1.value.at }) {
            sink.accept(UsageEvent(
                family: .translation, occurredAt: period.at, taskName: options.task ?? "DeepL", department: options.department,
                outcome: .success, quantity: period.count, unit: .characters, source: context.location(period.line), cumulative: true))
        }
        return summary
    }
}
