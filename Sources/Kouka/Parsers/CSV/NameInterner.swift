#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes the names a log repeats on every row (scenario, process, department) once: the same bytes give
/// the same `String` without decoding Shift_JIS again. Bounded, so a column of unique values cannot make
/// memory grow with the file.
///
/// It runs for every row of a large export, so its table is open addressing by a hash of the bytes, with
/// the bytes kept in one buffer and compared with `memcmp`.
final class NameInterner {
    private let limit: Int
    // One interner belongs to one reader on one thread: checking every access for exclusivity would only cost.
    /// Slot → entry number, or -1 for an empty slot; a power of two in size, at most half full.
    @exclusivity(unchecked) private var slots: [Int32] = Array(repeating: -1, count: 64)
    @exclusivity(unchecked) private var hashes: [UInt64] = []
    @exclusivity(unchecked) private var starts: [Int] = []
    @exclusivity(unchecked) private var counts: [Int] = []
    @exclusivity(unchecked) private var texts: [String] = []
    @exclusivity(unchecked) private var bytes: [UInt8] = []
    /// The two entries found last, newest first: a log's lines repeat the same two or three names (a job id and its
    /// process) line after line, and comparing with them costs less than hashing.
    @exclusivity(unchecked) private var recent: (Int, Int) = (-1, -1)

    init(limit: Int = 4096) { self.limit = limit }

    /// The text of `bytes` in `encoding`, or nil when they are not valid in it.
    func string(_ field: UnsafeRawBufferPointer, encoding: TextEncoding) -> String? {
        if recent.0 >= 0, counts[recent.0] == field.count, same(recent.0, field) { return texts[recent.0] }
        if recent.1 >= 0, counts[recent.1] == field.count, same(recent.1, field) {
            recent = (recent.1, recent.0)
            return texts[recent.0]
        }
        let hash = ByteHash.of(field)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { break }
            if hashes[entry] == hash, counts[entry] == field.count, same(entry, field) {
                recent = (entry, recent.0)
                return texts[entry]
            }
            slot = (slot + 1) & mask
        }
        guard let text = encoding.decode(field) else { return nil }
        if texts.count < limit {
            recent = (texts.count, recent.0)
            slots[slot] = Int32(texts.count)
            hashes.append(hash)
            starts.append(bytes.count)
            counts.append(field.count)
            texts.append(text)
            bytes.append(contentsOf: field)
            if texts.count * 2 > slots.count { grow() }
        }
        return text
    }

    private func same(_ entry: Int, _ field: UnsafeRawBufferPointer) -> Bool {
        guard field.count > 0, let base = field.baseAddress else { return true }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + starts[entry], base, field.count) == 0 }
    }

    private func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (entry, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry)
        }
    }
}
