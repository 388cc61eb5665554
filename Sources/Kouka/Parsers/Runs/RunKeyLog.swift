/// The hashes of the run ids one reader of a file met, in bounded memory: past `chunkLimit` hashes they
/// are sorted and moved to a temporary file, so a file of any size costs at most 4 MiB here (and as much again to sort).
final class RunKeyLog {
    static let chunkLimit = 1 << 19

    private(set) var buffer: [UInt64] = []
    private(set) var spill: RunKeySpill?
    /// The hashes of the runs counted as `unfinished` (past the allowed age without an end): a later file that
    /// holds the same run ended takes it over (`RunKeySet.unfinished`). Few, so they are held apart, unsorted.
    private(set) var unfinished: [UInt64] = []
    /// Of those, a chatbot's questions last in their conversation and not answered yet: a later export that holds one
    /// answered, even if still last, takes it over (`RunKeySet.unanswered`).
    private(set) var unanswered: [UInt64] = []
    /// The runs on the first and last days of those logged with their day (`RunDayEdges`); nil when none was.
    private(set) var edges: RunDayEdges?
    private let chunkLimit: Int

    init(chunkLimit: Int = RunKeyLog.chunkLimit) { self.chunkLimit = chunkLimit }

    /// Logs the run `hash`; `unfinished` when it is counted without an end, which another file may yet give, and
    /// `unanswered` (only with `unfinished`, `RunAdmission`) when it is besides a question no answer followed yet; `day`, the
    /// day it is counted on, where the format's times may differ between exports of one run (`RunDayEdges`).
    func add(_ hash: UInt64, unfinished isUnfinished: Bool = false, unanswered isUnanswered: Bool = false, day: LocalDate? = nil) {
        if let day {
            if edges == nil { edges = RunDayEdges() }
            edges!.add(hash, day: day)
        }
        if isUnfinished { unfinished.append(hash) }
        if isUnanswered { unanswered.append(hash) }
        isSorted = false
        buffer.append(hash)
        if buffer.count >= chunkLimit { spillBuffer() }
    }

    private var isSorted = false

    /// Sorts what is held in memory once reading is done; later calls do nothing.
    func finish() {
        guard !isSorted else { return }
        RadixSort.sort(&buffer)
        isSorted = true
    }

    private func spillBuffer() {
        if spill == nil { spill = RunKeySpill() }
        RadixSort.sort(&buffer)
        // Without a writable temporary folder the hashes stay in memory: correct, only larger.
        guard let spill, spill.write(sorted: buffer) else { return }
        buffer.removeAll(keepingCapacity: true)
    }
}
