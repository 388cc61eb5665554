import KoukaCore
import KoukaParsers

/// Receives one file's events and rejections: events are folded into daily rollups at once, so memory
/// grows with the number of distinct days and names, never with the file.
final class EventCollector: ParseSink {
    private(set) var aggregator: Aggregator
    private(set) var rejections: [Rejection] = []

    init(clock: LocalClock, officeHours: OfficeHours) { aggregator = Aggregator(clock: clock, officeHours: officeHours) }

    func accept(_ event: UsageEvent) { aggregator.add(event) }
    func reject(_ rejection: Rejection) { rejections.append(rejection) }
}
