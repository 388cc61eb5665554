import Foundation

/// Receives one file's events and rejections: events are folded into daily rollups at once, so memory
/// grows with the number of distinct days and names, never with the file.
final class EventCollector: PartitionableSink, RunKeySink {
    /// Touched by one thread at a time (a file's part is read into a partition of its own); a dynamic
    /// exclusivity check on every event would only cost.
    @exclusivity(unchecked) private(set) var aggregator: Aggregator
    private(set) var rejections: [Rejection] = []
    /// The ids of the runs the file counted, for formats that have them.
    private(set) var runKeys: RunKeySet?
    /// Runs outside these instants are clock or export errors: before 2000, or more than a day ahead.
    /// 2000 begins at midnight in the configured zone (in Tokyo, 9 hours before it does in UTC), as the
    /// logs' wall-clock times are read there.
    private let earliest: Date
    private let latest: Date
    /// The local days of `earliest` and `latest`: a rejected row dated outside them has no year of its own.
    private let days: ClosedRange<LocalDate>

    init(clock: LocalClock, officeHours: OfficeHours, now: Date = Date()) {
        aggregator = Aggregator(clock: clock, officeHours: officeHours)
        earliest = clock.startOfDay(LocalDate(year: 2000, month: 1, day: 1))
        latest = now.addingTimeInterval(86_400)
        days = clock.localDate(of: earliest)...clock.localDate(of: latest)
    }

    private init(partitionOf parent: EventCollector) {
        aggregator = Aggregator(clock: parent.aggregator.clock, officeHours: parent.aggregator.officeHours)
        earliest = parent.earliest
        latest = parent.latest
        days = parent.days
    }

    func makePartition() -> any PartitionableSink { EventCollector(partitionOf: self) }

    func absorb(_ partition: any PartitionableSink, shiftingLinesBy shift: Int) {
        guard let part = partition as? EventCollector else { return }
        aggregator.absorb(part.aggregator)
        rejections.append(contentsOf: shift == 0 ? part.rejections : part.rejections.map { $0.shifted(by: shift) })
    }

    func keep(countedRuns runs: RunKeySet) { runKeys = runs }

    func accept(_ event: UsageEvent) {
        guard event.occurredAt >= earliest, event.occurredAt <= latest else {
            let when = event.occurredAt < earliest ? "before 2000" : "in the future"
            reject(Rejection(file: event.source.file, line: event.source.line,
                             reason: "the run's time is \(when); check the robot's clock or the export"))
            return
        }
        aggregator.add(event)
    }

    /// Keeps a rejected row, with its day only when it is one a run could be counted on: a date before 2000
    /// or in the future is a clock or export error, as it is for a run (`accept`), and credits no year.
    func reject(_ rejection: Rejection) {
        var kept = rejection
        if let day = kept.day, !kept.isRepeatedRun, !days.contains(day) { kept.day = nil }
        rejections.append(kept)
    }
}
