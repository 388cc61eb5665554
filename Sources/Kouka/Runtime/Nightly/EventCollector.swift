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
    /// The instants a run can be counted at, and the days a rejected row can be dated on.
    private let window: EventWindow

    init(clock: LocalClock, officeHours: OfficeHours, now: Date = Date()) {
        aggregator = Aggregator(clock: clock, officeHours: officeHours)
        window = EventWindow(clock: clock, now: now)
    }

    private init(partitionOf parent: EventCollector) {
        aggregator = Aggregator(clock: parent.aggregator.clock, officeHours: parent.aggregator.officeHours)
        window = parent.window
    }

    func makePartition() -> any PartitionableSink { EventCollector(partitionOf: self) }

    func absorb(_ partition: any PartitionableSink, shiftingLinesBy shift: Int) {
        guard let part = partition as? EventCollector else { return }
        aggregator.absorb(part.aggregator)
        rejections.append(contentsOf: shift == 0 ? part.rejections : part.rejections.map { $0.shifted(by: shift) })
    }

    func keep(countedRuns runs: RunKeySet) { runKeys = runs }

    func accept(_ event: UsageEvent) {
        if let rejection = window.rejection(of: event) { return reject(rejection) }
        aggregator.add(event)
    }

    /// Keeps a rejected row, with its day only when it is one a run could be counted on: a date before 2000
    /// or in the future is a clock or export error, as it is for a run (`accept`), and credits no year.
    func reject(_ rejection: Rejection) { rejections.append(window.dated(rejection)) }
}
