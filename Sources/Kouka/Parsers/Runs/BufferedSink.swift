
/// Holds what one part of a file produced for a sink that cannot be split, and hands it on in order
/// once the file is read; what a discarded first reading produced never reaches the sink.
final class BufferedSink: PartitionableSink, RunKeySink {
    private enum Item {
        case event(UsageEvent)
        case rejection(Rejection)
    }

    private var items: [Item] = []
    private let target: (any ParseSink)?

    init(target: (any ParseSink)?) { self.target = target }

    func accept(_ event: UsageEvent) { items.append(.event(event)) }
    func reject(_ rejection: Rejection) { items.append(.rejection(rejection)) }
    func keep(countedRuns runs: RunKeySet) { target?.counted(runs: runs) }

    func makePartition() -> any PartitionableSink { BufferedSink(target: nil) }

    func absorb(_ partition: any PartitionableSink, shiftingLinesBy shift: Int) {
        guard let part = partition as? BufferedSink else { return }
        for item in part.items {
            switch item {
            case var .event(event):
                event.source.line += shift
                target?.accept(event)
            case let .rejection(rejection): target?.reject(rejection.shifted(by: shift))
            }
        }
    }
}
