import Dispatch

/// The batch of files being read on the worker threads while the job's thread records the batch read before
/// it. Reading and recording took turns, so one core waited on the other: with a city's thousands of small
/// daily logs, recording is a third of the work. At most two batches are in hand, the one recorded and the
/// one read, so memory stays that of two batches.
final class ReadAhead {
    private var inFlight: (reads: [FileRead], done: DispatchGroup)?

    /// A batch at least this large is read and recorded alone: two large exports read at once would hold
    /// twice the memory for little gain, as each one's reading already uses both cores.
    static let readAloneBytes: Int64 = 8 << 20

    /// Starts reading `reads` on the worker threads, and returns the batch started before it once its reading
    /// is done (nil when there is none), for the caller to record in the files' order.
    func start(_ reads: [FileRead]) -> [FileRead]? {
        let done = DispatchGroup()
        done.enter()
        DispatchQueue.global().async {
            // FileRead.read touches no store and no shared state (see FileRead).
            if reads.count == 1 { reads[0].read() } else { DispatchQueue.concurrentPerform(iterations: reads.count) { reads[$0].read() } }
            done.leave()
        }
        let previous = finish()
        inFlight = (reads, done)
        return previous
    }

    /// The batch being read, once its reading is done; nil when there is none.
    func finish() -> [FileRead]? {
        guard let (reads, done) = inFlight else { return nil }
        inFlight = nil
        done.wait()
        return reads
    }
}
