import Kouka

/// A `ParseSink` that keeps everything a parser hands it, in order.
final class CollectingSink: ParseSink {
    private(set) var events: [UsageEvent] = []
    private(set) var rejections: [Rejection] = []

    func accept(_ event: UsageEvent) { events.append(event) }
    func reject(_ rejection: Rejection) { rejections.append(rejection) }

    /// The lines of the rejected records, in order.
    var rejectedLines: [Int] { rejections.map(\.line) }
}
