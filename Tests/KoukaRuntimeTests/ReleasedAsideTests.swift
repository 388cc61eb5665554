import Foundation
@testable import Kouka
import Testing

/// A nightly run's large values are freed on a worker thread once the run is done (`ReleasedAside`): they must be
/// freed there, not kept for the life of the process (a verification runs the nightly job's code once a source set).
@Suite struct ReleasedAsideTests {
    final class Freed {}

    @Test func whatIsKeptIsFreedOnceReleased() async throws {
        weak var watched: Freed?
        let aside = ReleasedAside()
        do {
            let value = Freed()
            watched = value
            aside.keep([value])
        }
        #expect(watched != nil, "kept until released")
        aside.release()
        // The worker's turn: at most ten seconds on a busy machine, then it is not freed at all.
        for _ in 0..<1_000 where watched != nil { try await Task.sleep(nanoseconds: 10_000_000) }
        #expect(watched == nil)
    }
}
