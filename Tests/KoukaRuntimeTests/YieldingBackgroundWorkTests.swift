#if os(Linux)
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
        // Plain background work runs as its starter does.
        #expect(try BackgroundWork { Self.nice() }.value() == before)
    }

    struct Failed: Error, Equatable {}

    @Test func yieldingWorkHandsOverItsError() {
        let work = BackgroundWork(yielding: true) { () throws -> Int in throw Failed() }
        #expect(throws: Failed()) { try work.value() }
    }
}
#endif
