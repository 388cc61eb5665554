import Dispatch

/// Work started on a worker thread, whose value (or error) the starting thread takes when it needs it. The
/// work may use values that are not `Sendable` (a store's connection, a report context) because the starting
/// thread hands them over: it must not touch them again until `value()` or `waitUntilDone()` returned.
final class BackgroundWork<Value>: @unchecked Sendable {
    /// The outcome before the work has set its own; never seen, as `value()` waits for the work.
    struct Unfinished: Error {}

    // Written by the worker only, before `done` is left; read by the starting thread only after waiting for it.
    private var outcome: Result<Value, any Error> = .failure(Unfinished())
    private let done = DispatchGroup()

    /// Starts `work` on a worker thread.
    init(_ work: @escaping () throws -> Value) {
        let handedOver = HandedOver(work)
        done.enter()
        DispatchQueue.global().async { [self] in
            outcome = Result { try handedOver.work() }
            done.leave()
        }
    }

    /// Returns once the work is done, whether or not it failed: what it uses must not be closed under it.
    func waitUntilDone() {
        done.wait()
    }

    /// The work's value, once it is done; its error, if it failed.
    func value() throws -> Value {
        done.wait()
        return try outcome.get()
    }

    /// The work, handed to the worker thread (see the type's comment).
    private struct HandedOver: @unchecked Sendable {
        let work: () throws -> Value
        init(_ work: @escaping () throws -> Value) { self.work = work }
    }
}
