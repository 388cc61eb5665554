/// Every run id a file's readers met, as sorted 64-bit hashes merged from their logs (in memory and in
/// spilled chunks). Streams in order without holding them all.
public final class RunKeySet {
    private let logs: [RunKeyLog]
    /// Run ids met, repeats included.
    public let count: Int

    init(logs: [RunKeyLog]) {
        for log in logs { log.finish() }
        self.logs = logs
        count = logs.reduce(0) { total, log in
            total + log.buffer.count + (log.spill?.chunks.reduce(0) { $0 + Int($1.count / 8) } ?? 0)
        }
    }

    /// Calls `body` with each distinct hash in ascending order and how many times it was met.
    public func forEachDistinct(_ body: (_ hash: UInt64, _ times: Int) throws -> Void) rethrows {
        var cursors: [Cursor] = []
        for log in logs {
            if let spill = log.spill {
                for chunk in spill.chunks { cursors.append(Cursor(spill: spill, range: chunk)) }
            }
            if !log.buffer.isEmpty { cursors.append(Cursor(sorted: log.buffer)) }
        }
        cursors.removeAll { $0.isDone }
        var current: UInt64? = nil
        var times = 0
        while !cursors.isEmpty {
            // A file has a handful of chunks at most, so a linear scan for the smallest head is enough.
            var smallest = 0
            for index in cursors.indices.dropFirst() where cursors[index].head < cursors[smallest].head { smallest = index }
            let hash = cursors[smallest].head
            if hash == current {
                times += 1
            } else {
                if let current { try body(current, times) }
                current = hash
                times = 1
            }
            cursors[smallest].advance()
            if cursors[smallest].isDone { cursors.remove(at: smallest) }
        }
        if let current { try body(current, times) }
    }

    /// The hashes met more than once: candidates for a repeated run, to be compared by their full id.
    func repeatedHashes() -> Set<UInt64> {
        var repeated = Set<UInt64>()
        forEachDistinct { hash, times in if times > 1 { repeated.insert(hash) } }
        return repeated
    }

    /// Reads a sorted run of hashes from memory or, 8,192 at a time, from a spilled chunk.
    private struct Cursor {
        private var buffer: [UInt64]
        private var index = 0
        private let spill: RunKeySpill?
        private var next: Int64
        private let end: Int64

        init(sorted: [UInt64]) {
            buffer = sorted
            spill = nil
            next = 0
            end = 0
        }

        init(spill: RunKeySpill, range: Range<Int64>) {
            self.spill = spill
            buffer = []
            next = range.lowerBound
            end = range.upperBound
            refill()
        }

        var isDone: Bool { index >= buffer.count }
        var head: UInt64 { buffer[index] }

        mutating func advance() {
            index += 1
            if index >= buffer.count, spill != nil { refill() }
        }

        private mutating func refill() {
            guard let spill, next < end else { return }
            let read = spill.read(into: &buffer, at: next, count: Int(min(8192, (end - next) / 8)))
            next += Int64(read * 8)
            index = 0
        }
    }
}
