import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Logging

/// Numbered places in a job where a test may kill it, as `kill -9` would, to show that every state it
/// can be left in is whole. `KOUKA_TEST_KILL_AT_STEP=n` kills the process at the n-th place it passes; a
/// test counts up from 1 until a run passes them all, so it reaches every step without timing.
/// Unset (as in every real run), passing a place costs a comparison.
struct TestKillPoints {
    static let variable = "KOUKA_TEST_KILL_AT_STEP"
    private let target: Int?
    private var passed = 0
    let logger: Logger

    /// Places passed on a path no test counts (`enabled: false`) never kill.
    init(logger: Logger, enabled: Bool = true) {
        self.logger = logger
        target = enabled ? ProcessInfo.processInfo.environment[Self.variable].flatMap { Int($0) } : nil
    }

    /// Marks that the job has finished `step`; kills it here when this is the place a test asked for.
    mutating func passed(_ step: @autoclosure () -> String) {
        guard let target else { return }
        passed += 1
        guard passed == target else { return }
        logger.critical("killed by \(Self.variable)", metadata: ["step": "\(passed)", "after": "\(step())"])
        raise(SIGKILL)
    }
}
