import Dispatch

/// The batches of files being read on the worker threads while the job's thread records the batch read before
/// them. Reading and recording took turns, so one core waited on the other: with a city's thousands of small
/// daily logs, recording is a third of the work. With one batch ahead, the workers still waited at every batch's
/// end while the job's thread decided the next batch's files; `depth` batches ahead keep them reading then.
/// At most `depth + 1` batches are in hand, so memory stays that of a few batches.
final class ReadAhead {
    private var inFlight: [(reads: [FileRead], done: DispatchGroup)] = []
    private let depth: Int

    /// A batch at least this large is read and recorded alone: two large exports read at once would hold
    /// twice the memory for little gain, as each one's reading already uses both cores.
    static let readAloneBytes: Int64 = 8 << 20

    /// How many batches are read ahead. Two, against one, took a 18,260-file ingest from 8.48 to 7.81 s (medians of
    /// five alternated rounds on a busy 2-core machine); three gave no more (8.06 s).
    init(depth: Int = 2) {
        self.depth = max(1, depth)
    }

    /// Starts reading `reads` on the worker threads, and returns the oldest batch started before it once its
    /// reading is done, when `depth` batches are being read already (nil otherwise), for the caller to record in
    /// the files' order.
    func start(_ reads: [FileRead]) -> [FileRead]? {
        let done = DispatchGroup()
        done.enter()
        let unread = reads.filter { $0.begun == nil }
        DispatchQueue.global().async {
            // FileRead.read touches no store and no shared state (see FileRead).
            if unread.count == 1 { unread[0].read() } else { DispatchQueue.concurrentPerform(iterations: unread.count) { unread[$0].read() } }
            done.leave()
        }
        inFlight.append((reads, done))
        return inFlight.count > depth ? finish() : nil
    }

    /// The oldest batch being read, once its reading is done; nil when there is none.
    func finish() -> [FileRead]? {
        guard !inFlight.isEmpty else { return nil }
        let (reads, done) = inFlight.removeFirst()
        done.wait()
        Self.waitForBegun(reads)
        return reads
    }

    /// Begins reading `read` now, before its batch is started: a night's few new files lie far apart among a city's
    /// thousands of unchanged ones, and their batch was read only once every file was decided, while one core waited.
    /// Its batch (`start(_:)`) then waits for it instead of reading it.
    func begin(_ read: FileRead) {
        guard read.begun == nil else { return }
        let done = DispatchGroup()
        done.enter()
        read.begun = done
        DispatchQueue.global().async {
            read.read()
            done.leave()
        }
    }

    /// Waits for the readings of `reads` begun ahead (`begin(_:)`); on the job's thread, not on a worker that others wait for.
    static func waitForBegun(_ reads: [FileRead]) {
        for read in reads { read.begun?.wait() }
    }
}
