import Dispatch
import Synchronization

/// Looks at the sources' files from the last one backwards on a second thread while the job's thread decides
/// them from the first one on, until the two meet: on a night when a city's thousands of daily logs are
/// unchanged, looking at each file (`statx`) is most of the run, and it is split between the two cores.
///
/// What it saw is used only to tell a file that the ledger shows unchanged (`SourceIngestor.prepare`), which is
/// then not looked at again, and never for a file the run has looked at afresh since (`RunPath.lookedAtEarly`):
/// a fresh look that found the file changed is not contradicted by an older one. A file it saw any other way is looked at again by the job's thread, so a reading,
/// and what the ledger records of the file, always come from a fresh look. A file that changes after it was seen
/// unchanged is read by the next run, as one that changes just after the job's own look would be.
final class StatusPrefetch: @unchecked Sendable {
    /// Written by the worker at indices at and above `firstSeen`, before it publishes them; read by the job's
    /// thread only at indices it has seen published.
    private let seen: UnsafeMutableBufferPointer<FileStatus?>
    /// The lowest index the worker has looked at (`count` before it starts).
    private let firstSeen: Atomic<Int>
    /// The index the job's thread is deciding: the worker stops once it reaches it.
    private let deciding = Atomic<Int>(0)
    private let done = DispatchGroup()

    /// Starts looking at `paths` from the last one.
    init(paths: [String]) {
        seen = .allocate(capacity: paths.count)
        seen.initialize(repeating: nil)
        firstSeen = Atomic(paths.count)
        done.enter()
        let handedOver = HandedOver(paths: paths)
        DispatchQueue.global().async { [self] in
            let lookup = FileStatusLookup()
            var index = handedOver.paths.count - 1
            while index > deciding.load(ordering: .relaxed) + 1 {
                seen[index] = lookup.status(of: handedOver.paths[index])
                firstSeen.store(index, ordering: .releasing)
                index -= 1
            }
            done.leave()
        }
    }

    deinit {
        done.wait()
        seen.deinitialize()
        seen.deallocate()
    }

    /// What the worker saw of the file at `index`, if it has looked at it yet; the job's thread calls this for
    /// each file in order, which also tells the worker where to stop.
    func status(at index: Int) -> FileStatus? {
        deciding.store(index, ordering: .relaxed)
        guard index >= firstSeen.load(ordering: .acquiring) else { return nil }
        return seen[index]
    }

    /// Waits for the worker to stop.
    func finish() {
        done.wait()
    }

    private struct HandedOver: @unchecked Sendable {
        let paths: [String]
    }
}
