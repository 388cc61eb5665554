#if os(Linux)
import Dispatch
import Glibc
@testable import Kouka
import Testing

/// Verification reads the store's side on a thread that gives way to the replay of the logs, whose recording thread is
/// the run's critical path: that thread alone runs at a higher nice value, and its value or error still reaches the
/// starting thread.
struct YieldingBackgroundWorkTests {
    static func nice() -> Int32 { getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) }

    @Test func yieldingWorkRunsNicerThanTheThreadThatStartedIt() throws {
        let before = Self.nice()
        let inside = try BackgroundWork(yielding: true) { Self.nice() }.value()
        #expect(inside >= BackgroundWork<Int32>.yieldingNice, "the work's thread gives way")
        #expect(inside > before || before >= BackgroundWork<Int32>.yieldingNice)
        #expect(Self.nice() == before, "only the work's own thread is changed")
        // Plain background work runs as its starter does, and so does work on a thread of its own.
        #expect(try BackgroundWork { Self.nice() }.value() == before)
        #expect(try BackgroundWork(ownThread: true) { Self.nice() }.value() == before)
    }

    /// Work on a thread of its own may wait for its starter while every thread of the shared pool is taken: the logs' side
    /// of verification waits so for the years it is to build.
    @Test func workOnItsOwnThreadStartsWhileThePoolIsTaken() throws {
        let release = DispatchSemaphore(value: 0)
        let busy = (0..<64).map { _ in BackgroundWork { release.wait() } }
        defer {
            for _ in busy { release.signal() }
            for work in busy { work.waitUntilDone() }
        }
        let started = DispatchSemaphore(value: 0)
        let work = BackgroundWork(ownThread: true) { started.signal(); return 7 }
        #expect(started.wait(timeout: .now() + 10) == .success, "the work started although the pool's threads are all waiting")
        #expect(try work.value() == 7)
    }

    struct Failed: Error, Equatable {}

    @Test func yieldingWorkHandsOverItsError() {
        let work = BackgroundWork(yielding: true) { () throws -> Int in throw Failed() }
        #expect(throws: Failed()) { try work.value() }
    }
}
#endif
