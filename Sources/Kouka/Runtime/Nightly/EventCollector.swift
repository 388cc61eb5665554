import Foundation

/// Receives one file's events and rejections: events are folded into daily rollups at once, so memory
/// grows with the number of distinct days and names, never with the file.
final class EventCollector: PartitionableSink, RunKeySink {
    /// Touched by one thread at a time (a file's part is read into a partition of its own); a dynamic
    /// exclusivity check on every event would only cost.
    @exclusivity(unchecked) private(set) var aggregator: Aggregator
    private(set) var rejections: [Rejection] = []
    /// The runs rejected because another file counts them, with the rollup each would have made, in line order.
    private(set) var leftOut: [RunRollup] = []
    /// The runs counted before their end (a chatbot's last questions), with the rollup each made, in line order.
    private(set) var openRuns: [RunRollup] = []
    /// The runs still running (pending, not counted), with the rollup each would make counted unfinished, in line order.
    private(set) var waitingRuns: [RunRollup] = []
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
        leftOut.append(contentsOf: shift == 0 ? part.leftOut : part.leftOut.map { $0.shifted(by: shift) })
        openRuns.append(contentsOf: shift == 0 ? part.openRuns : part.openRuns.map { $0.shifted(by: shift) })
        waitingRuns.append(contentsOf: shift == 0 ? part.waitingRuns : part.waitingRuns.map { $0.shifted(by: shift) })
    }

    func keep(countedRuns runs: RunKeySet) { runKeys = runs }

    func keep(openRun run: LeftOutRun, line: Int) {
        guard window.rejection(of: run.event) == nil else { return }
        openRuns.append(Self.rollup(of: run, line: line, aggregator: aggregator))
    }

    func keep(waitingRun run: LeftOutRun, line: Int) {
        guard window.rejection(of: run.event) == nil else { return }
        var waiting = Self.rollup(of: run, line: line, aggregator: aggregator)
        // The time a parser measures a run's wait from is the time it dates the run by.
        waiting.since = run.event.occurredAt
        waitingRuns.append(waiting)
    }

    private static func rollup(of run: LeftOutRun, line: Int, aggregator: Aggregator) -> RunRollup {
        let rollup = aggregator.rollup(of: run.event)
        return RunRollup(hash: run.hash, line: line, unfinished: run.unfinished, unanswered: run.unanswered, key: rollup.key, totals: rollup.totals)
    }

    func accept(_ event: UsageEvent) {
        if let rejection = window.rejection(of: event) { return reject(rejection) }
        aggregator.add(event)
    }

    /// Keeps a rejected row, with its day only when it is one a run could be counted on: a date before 2000
    /// or in the future is a clock or export error, as it is for a run (`accept`), and credits no year.
    /// A run left out because another file counts it is kept as the rollup it would have made, when it could be counted
    /// at all (`accept`'s window).
    func reject(_ rejection: Rejection) {
        var rejection = window.dated(rejection)
        if let run = rejection.leftOut {
            rejection.leftOut = nil
            if window.rejection(of: run.event) == nil { leftOut.append(Self.rollup(of: run, line: rejection.line, aggregator: aggregator)) }
        }
        rejections.append(rejection)
    }
}
