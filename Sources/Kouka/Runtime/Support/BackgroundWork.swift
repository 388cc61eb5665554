import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Work started on a worker thread, whose value (or error) the starting thread takes when it needs it. The
/// work may use values that are not `Sendable` (a store's connection, a report context) because the starting
/// thread hands them over: it must not touch them again until `value()` or `waitUntilDone()` returned.
final class BackgroundWork<Value>: @unchecked Sendable {
    /// The outcome before the work has set its own; never seen, as `value()` waits for the work.
    struct Unfinished: Error {}

    // Written by the worker only, before `done` is left; read by the starting thread only after waiting for it.
    private var outcome: Result<Value, any Error> = .failure(Unfinished())
    private let done = DispatchGroup()

    /// Starts `work` on a worker thread; `yielding` on a thread of its own that gives way to the others (see `yieldingNice`);
    /// `ownThread` on a thread of its own at the usual priority, for work that waits for the starting thread to tell it
    /// something: blocked on one of the shared pool's few threads, it could keep other work from starting.
    init(yielding: Bool = false, ownThread: Bool = false, _ work: @escaping () throws -> Value) {
        let handedOver = HandedOver(work)
        done.enter()
        guard yielding || ownThread else {
            DispatchQueue.global().async { [self] in run(handedOver) }
            return
        }
        // Not a dispatch worker: a thread's nice value cannot be lowered again, and the pool's threads run later work; and
        // work that waits for its starter must not hold one of the pool's few threads while it does.
        Thread.detachNewThread { [self] in
            #if os(Linux)
            // On Linux the nice value is the calling thread's own (setpriority(2), NOTES); a failure only leaves it as it was.
            if yielding { _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, Self.yieldingNice) }
            #endif
            run(handedOver)
        }
    }

    /// Runs the work on the worker's thread and keeps its outcome.
    private func run(_ handedOver: HandedOver) {
        outcome = Result { try handedOver.work() }
        done.leave()
    }

    /// The nice value of work that gives way: the scheduler gives such a thread about a tenth of a core while the others
    /// want both, and whatever they leave idle.
    static var yieldingNice: Int32 { 10 }

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
