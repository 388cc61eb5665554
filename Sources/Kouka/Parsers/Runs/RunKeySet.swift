/// Every run id a file's readers met, as sorted 64-bit hashes merged from their logs (in memory and in
/// spilled chunks). Streams in order without holding them all.
package final class RunKeySet {
    private let logs: [RunKeyLog]
    /// Run ids met, repeats included.
    package let count: Int
    /// The hashes of the runs counted as `unfinished`, ascending and distinct: a file that holds one of them ended
    /// takes it over from this one (`KoukaStore.runsCounted`).
    package let unfinished: [UInt64]
    /// Of those, the chatbot questions counted unanswered while last in their conversation, ascending and distinct: a
    /// file that holds one answered takes it over from this one.
    package let unanswered: [UInt64]
    /// The runs of the first and last days, when the readers kept runs' days (`RunDayEdges`).
    package let edges: RunDayEdges?

    init(logs: [RunKeyLog]) {
        for log in logs { log.finish() }
        self.logs = logs
        // Nearly every file has none: no set and sort made for each of a city's daily logs.
        let unfinishedHashes = logs.flatMap(\.unfinished)
        unfinished = unfinishedHashes.isEmpty ? [] : Array(Set(unfinishedHashes)).sorted()
        let unansweredHashes = logs.flatMap(\.unanswered)
        unanswered = unansweredHashes.isEmpty ? [] : Array(Set(unansweredHashes)).sorted()
        var edges: RunDayEdges?
        for logged in logs.compactMap(\.edges) {
            if edges == nil { edges = logged } else { edges!.merge(logged) }
        }
        self.edges = edges
        count = logs.reduce(0) { total, log in
            total + log.buffer.count + (log.spill?.chunks.reduce(0) { $0 + Int($1.count / 8) } ?? 0)
        }
    }

    /// Calls `body` with each distinct hash in ascending order and how many times it was met.
    package func forEachDistinct(_ body: (_ hash: UInt64, _ times: Int) throws -> Void) rethrows {
        if logs.allSatisfy({ $0.spill == nil }) { return try forEachDistinctInMemory(body) }
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

    /// The same walk when no log spilled (every file up to some half a million runs a half): straight over the
    /// sorted buffers, which a store of a large export's runs and its check for repeats both wait on.
    private func forEachDistinctInMemory(_ body: (_ hash: UInt64, _ times: Int) throws -> Void) rethrows {
        let buffers = logs.map(\.buffer).filter { !$0.isEmpty }
        guard buffers.count <= 2 else {
            var merged = buffers.flatMap { $0 }
            RadixSort.sort(&merged)
            return try Self.walkRuns(of: merged, body)
        }
        guard buffers.count == 2 else { return try buffers.first.map { try Self.walkRuns(of: $0, body) } ?? () }
        try buffers[0].withUnsafeBufferPointer { a in
            try buffers[1].withUnsafeBufferPointer { b in
                var i = 0, j = 0
                var current: UInt64 = 0, times = 0
                while i < a.count || j < b.count {
                    let hash: UInt64
                    if j == b.count || (i < a.count && a[i] <= b[j]) {
                        hash = a[i]
                        i += 1
                    } else {
                        hash = b[j]
                        j += 1
                    }
                    if times > 0, hash == current {
                        times += 1
                    } else {
                        if times > 0 { try body(current, times) }
                        current = hash
                        times = 1
                    }
                }
                if times > 0 { try body(current, times) }
            }
        }
    }

    /// Each distinct value of a sorted buffer and how many times it stands there.
    private static func walkRuns(of sorted: [UInt64], _ body: (_ hash: UInt64, _ times: Int) throws -> Void) rethrows {
        try sorted.withUnsafeBufferPointer { values in
            var index = 0
            while index < values.count {
                var end = index + 1
                while end < values.count, values[end] == values[index] { end += 1 }
                try body(values[index], end - index)
                index = end
            }
        }
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
