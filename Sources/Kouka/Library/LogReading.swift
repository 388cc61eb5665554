/// What a parser read from one file.
public struct LogReading: Sendable, Hashable {
    /// Every run or use read, in file order.
    public var events: [UsageEvent]
    /// Every record that could not be read, with its line and why (never the record's text).
    public var rejections: [Rejection]
    /// Records read, and runs seen that had not finished.
    public var summary: ParseSummary
}

/// Keeps what a parser hands over, for `Kouka.read`.
final class LogReadingSink: ParseSink {
    private(set) var events: [UsageEvent] = []
    private(set) var rejections: [Rejection] = []
    func accept(_ event: UsageEvent) { events.append(event) }
    func reject(_ rejection: Rejection) { rejections.append(rejection) }
}
