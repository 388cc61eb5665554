import Foundation

/// Reads snapshots of DeepL's `/v2/usage` answer (`character_count`, with `start_time` / `end_time` on
/// Pro), saved as JSON lines or a JSON array by whatever polls it. The count is cumulative within a
/// billing period, so the latest snapshot of each period is that period's usage: one event per period,
/// dated at the period's start.
///
/// The events are marked `cumulative`: a period's snapshots may be split over several files (one a month,
/// a period that crosses months), and of one period the largest count across files is its usage, never
/// the sum (`RunningTotals`, when reports are built).
///
/// Free and Pro Classic accounts answer no period at all. Such a snapshot is the count as of the day the
/// file names (`usage_2024-07-09.json`, `20240709`), else of the file's modification time; of a file of
/// them the last is that day's count (`UsageEvent.undatedPeriod`), and where the counts of the days fall
/// a new period starts (`RunningTotals`). A count that falls inside one such file cannot be placed: its
/// earlier period has no date, so those snapshots are rejected with the reason, never guessed. A poller may write
/// the day it polled as a `polled_on` key instead: each day's snapshots are then that day's, as a file named by that day
/// would be. A `date` alone is refused: until 0.5.11 it was read as the start of a billing period, so a poller that
/// stamped each day's snapshot with it had every day's count added up (helper-122, 4,800 characters shown 8,600), while
/// one that wrote the period's start there would lose periods were it read as a day.
///
/// The newer Pro answer counts every product in `character_count` (DeepL Write too); its `products[]`
/// gives each product's count, and only the `translate` product's is translation. The others are noted
/// (`ParseSummary.notes`) and not counted.
package struct DeepLUsageParser: LogParser {
    package let formatID = "deepl-usage"
    package let options: SourceOptions

    package init(options: SourceOptions) { self.options = options }

    /// A snapshot's translated characters and the other products' counts it also names.
    private struct Snapshot {
        var count: Double
        var line: Int
        var others: [(product: String, characters: Double)]
    }

    /// A snapshot without its period or `polled_on` is the count as of the day its name gives: on a quiet weekend
    /// Saturday's and Sunday's hold Friday's bytes, and taken for copies of Friday's, their days were lost, a reset on one
    /// of them dated wrong (helper-132: 2,000 characters shown 1,200, exit 0).
    package var holdsRunningTotals: Bool { true }

    package func dayNamed(by path: String) -> LocalDate? {
        FileNameDate.day(in: URL(fileURLWithPath: path).lastPathComponent)
    }

    package func parse(path: String, context: ParseContext, into sink: any ParseSink) throws -> ParseSummary {
        var summary = ParseSummary()
        var periods: [LocalDate: (snapshot: Snapshot, at: Date)] = [:]
        var undated: [Snapshot] = []
        // The snapshots a `polled_on` key gives the day of, by that day, in the file's order.
        var polled: [LocalDate: [Snapshot]] = [:]
        let end = try JSONObjectRecords.read(path: path, context: context, format: formatID) { object, line in
            summary.recordsRead += 1
            // A rejected snapshot is dated by the start of its period, when it gives one.
            let reject = { (reason: String, day: LocalDate?) in sink.reject(Rejection(file: context.displayPath, line: line, reason: reason, day: day)) }
            guard let object else { return reject("not a JSON object", nil) }
            let startText = JSONObjectRecords.text(object, "start_time"), polledText = JSONObjectRecords.text(object, "polled_on")
            // A `date` alone may be the period's start (as Kouka read it before 0.5.11) or the day polled (as a poller stamps
            // its snapshots): the two give other figures, and nothing in the data tells them apart (helper-122, helper-128).
            if startText.isEmpty && polledText.isEmpty, case let dateText = JSONObjectRecords.text(object, "date"), !dateText.isEmpty {
                return reject("a date key may be the billing period's start or the day the snapshot was polled, which give other figures: name it start_time for the period's start, or polled_on for the day polled",
                              Timestamp(dateText).map { context.clock.localDate(of: $0.instant(in: context.clock)) })
            }
            let periodText = startText.isEmpty ? polledText : startText
            let period = Timestamp(periodText)
            let day = period.map { context.clock.localDate(of: $0.instant(in: context.clock)) }
            if !periodText.isEmpty && period == nil { return reject("\(startText.isEmpty ? "polled_on" : "start_time") is not a date-time", nil) }
            let snapshot: Snapshot
            switch Self.translated(object, line: line) {
            case .failure(let problem): return reject(problem.reason, day)
            case .success(let read): snapshot = read
            }
            guard let stamp = period else { return undated.append(snapshot) }
            if startText.isEmpty, let day { return polled[day, default: []].append(snapshot) }
            let instant = stamp.instant(in: context.clock)
            // A period is known by the local day it starts, as its rollup is: two `start_time`s of one day (written in
            // two zones by a poller that changed) are one period, whose largest count is its usage.
            let key = context.clock.localDate(of: instant)
            if periods[key].map({ snapshot.count >= $0.snapshot.count }) ?? true { periods[key] = (snapshot, instant) }
        }
        if end.roots == 0 { throw FormatMismatch(path: context.displayPath, format: formatID, reason: "no usage snapshots") }
        var kept: [(snapshot: Snapshot, at: Date, undated: Bool)] = periods.values.sorted { $0.at < $1.at }.map { ($0.snapshot, $0.at, false) }
        // A file's snapshots either give their billing period or the day they were polled: mixed, the polled days' counts
        // and the periods' would be added up across the periods they share.
        let mixed = "a usage snapshot whose polled_on is the day it was polled in a file whose other snapshots give their period (start_time): save the two kinds in files of their own"
        for (day, snapshots) in polled.sorted(by: { $0.key < $1.key }) {
            guard periods.isEmpty else {
                for snapshot in snapshots { sink.reject(Rejection(file: context.displayPath, line: snapshot.line, reason: mixed, day: day)) }
                continue
            }
            if let largest = Self.count(ofOneDay: snapshots, day: day, file: context.displayPath, sink: sink) {
                kept.append((largest, context.clock.instant(of: day, hour: 0, minute: 0, second: 0), true))
            }
        }
        if !undated.isEmpty, !polled.isEmpty {
            for snapshot in undated {
                sink.reject(Rejection(file: context.displayPath, line: snapshot.line, reason: "a usage snapshot without a polled_on in a file whose other snapshots have one: add the day it was polled as polled_on, or save it in a file of its own", day: nil))
            }
        } else if !undated.isEmpty {
            let dating = try TranscriptParser.dating(of: path, display: context.displayPath, clock: context.clock)
            let asOf = dating.instant
            if dating.byModificationTime { summary.datedByModificationTime = context.clock.localDate(of: asOf) }
            let day = context.clock.localDate(of: asOf)
            // One file's snapshots are one day's, so they cannot be mixed with dated periods nor span a reset.
            if !periods.isEmpty {
                for snapshot in undated {
                    sink.reject(Rejection(file: context.displayPath, line: snapshot.line, reason: "a usage snapshot without start_time in a file whose other snapshots have one: add the period, or save it in a file of its own", day: day))
                }
            } else if let largest = Self.count(ofOneDay: undated, day: day, file: context.displayPath, sink: sink) {
                kept.append((largest, asOf, true))
            }
        }
        for (snapshot, at, isUndated) in kept {
            sink.accept(UsageEvent(
                family: .translation, occurredAt: at, taskName: options.task ?? "DeepL", department: options.department,
                outcome: .success, quantity: snapshot.count, unit: .characters, source: context.location(snapshot.line), cumulative: true,
                undatedPeriod: isUndated))
            for other in snapshot.others {
                summary.notes.append("line \(snapshot.line): DeepL \(other.product) \(Int(other.characters)) characters not counted (only the translate product is translation)")
            }
        }
        return summary
    }

    /// The count of one day's snapshots (the day a file names, or a `polled_on` key gives): the largest since the last fall. A count
    /// that falls within the day starts a new billing period whose earlier one cannot be dated: the snapshots before the fall
    /// are rejected with the reason, never guessed.
    private static func count(ofOneDay snapshots: [Snapshot], day: LocalDate, file: String, sink: any ParseSink) -> Snapshot? {
        let lastReset = snapshots.indices.dropFirst().last { snapshots[$0].count < snapshots[$0 - 1].count }
        if let lastReset {
            for snapshot in snapshots[..<lastReset] {
                sink.reject(Rejection(file: file, line: snapshot.line, reason: "the character count falls at line \(snapshots[lastReset].line) (a new billing period) within one day's snapshots, and a day holds one count of one period, so these, the earlier period's, are not counted: poll the usage once a day, or save each day's last answer in a file named by its date (usage_2024-07-09.json)", day: day))
            }
        }
        return snapshots[(lastReset ?? 0)...].max(by: { $0.count < $1.count })
    }

    /// The translated characters of a snapshot: the `translate` product's count when it lists `products`
    /// (DeepL's newer Pro answer, whose `character_count` adds every product), else `character_count`.
    private static func translated(_ object: [String: Any], line: Int) -> Result<Snapshot, RowProblem> {
        guard let listed = object["products"] else {
            guard let count = Self.characters(JSONObjectRecords.text(object, "character_count")) else {
                return .failure(RowProblem("character_count is missing or not a number"))
            }
            return .success(Snapshot(count: count, line: line, others: []))
        }
        guard let products = listed as? [[String: Any]] else { return .failure(RowProblem("products is not a list of objects")) }
        var translate: Double?, others: [(product: String, characters: Double)] = []
        for product in products {
            let type = JSONObjectRecords.text(product, "product_type")
            guard !type.isEmpty, let count = Self.characters(JSONObjectRecords.text(product, "character_count")) else {
                return .failure(RowProblem("a product has no product_type or its character_count is missing or not a number"))
            }
            if type == "translate" {
                guard translate == nil else { return .failure(RowProblem("products names the translate product twice")) }
                translate = count
            } else {
                others.append((type, count))
            }
        }
        // An account that translated nothing in the period lists no translate product: it used none.
        return .success(Snapshot(count: translate ?? 0, line: line, others: others))
    }

    private static func characters(_ text: String) -> Double? {
        guard let count = DecimalText.wholeCount(text), count >= 0, count <= CSVRow.largestPlausible else { return nil }
        return count
    }
}
