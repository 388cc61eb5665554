#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// SIGTERM and SIGINT ask a job to stop; it stops cleanly between files, so nothing is half written.
package enum StopRequest {
    private static let flag = Atomic<Bool>(false)

    /// Installs the handlers. The handler only sets an atomic flag, which is safe in a signal handler.
    /// The signals are also unblocked: a parent (a scheduler, a test runner) may have started the job with
    /// them blocked, and then a stop would wait for the end of the run.
    package static func install() {
        _ = flag.load(ordering: .relaxed)
        signal(SIGTERM) { _ in StopRequest.flag.store(true, ordering: .relaxed) }
        signal(SIGINT) { _ in StopRequest.flag.store(true, ordering: .relaxed) }
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGTERM)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Whether a stop was asked for.
    package static var isRequested: Bool { flag.load(ordering: .relaxed) }
}
