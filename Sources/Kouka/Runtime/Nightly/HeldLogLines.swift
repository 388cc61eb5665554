import Foundation
import Logging

/// The log lines of files recorded in a transaction still open, held until it commits: a line such as
/// "source file read" or "row rejected" is written only once the store holds what it tells of, so that a run
/// killed before a batch's commit logged nothing of the batch (the next run reads those files and says it).
final class HeldLogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var holding = false
    private var held: [(event: LogEvent, handler: any LogHandler)] = []

    /// `logger`, its lines held while `hold` is on.
    func wrapping(_ logger: Logger) -> Logger {
        var wrapped = logger
        wrapped.handler = Handler(wrapped: logger.handler, lines: self)
        return wrapped
    }

    /// Holds every line from now on.
    func hold() { lock.withLock { holding = true } }

    /// Stops holding; writes the lines held when `written` (their transaction committed), else drops them
    /// (it was rolled back: the files they tell of are not in the store).
    func release(written: Bool) {
        let lines = lock.withLock {
            defer { held = []; holding = false }
            return held
        }
        if written { for line in lines { line.handler.log(event: line.event) } }
    }

    /// Whether `event` was held; false when it is to be written now.
    fileprivate func take(_ event: LogEvent, handler: any LogHandler) -> Bool {
        lock.withLock {
            if holding { held.append((event, handler)) }
            return holding
        }
    }

    private struct Handler: LogHandler {
        var wrapped: any LogHandler
        let lines: HeldLogLines

        func log(event: LogEvent) {
            if !lines.take(event, handler: wrapped) { wrapped.log(event: event) }
        }

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { wrapped[metadataKey: key] }
            set { wrapped[metadataKey: key] = newValue }
        }

        var metadata: Logger.Metadata {
            get { wrapped.metadata }
            set { wrapped.metadata = newValue }
        }

        var logLevel: Logger.Level {
            get { wrapped.logLevel }
            set { wrapped.logLevel = newValue }
        }

        var metadataProvider: Logger.MetadataProvider? {
            get { wrapped.metadataProvider }
            set { wrapped.metadataProvider = newValue }
        }
    }
}
