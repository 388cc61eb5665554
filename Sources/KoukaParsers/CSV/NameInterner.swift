/// Decodes the names a log repeats on every row (scenario, process, department) once: the same bytes give
/// the same `String` without decoding Shift_JIS again. Bounded, so a column of unique values cannot make
/// memory grow with the file.
final class NameInterner {
    private var cache: [Int: [(bytes: [UInt8], text: String)]] = [:]
    private var count = 0
    private let limit: Int

    init(limit: Int = 4096) { self.limit = limit }

    /// The text of `bytes` in `encoding`, or nil when they are not valid in it.
    func string(_ bytes: UnsafeRawBufferPointer, encoding: TextEncoding) -> String? {
        var hash = 14_695_981_039_346_656_037 as UInt64
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
        let key = Int(truncatingIfNeeded: hash)
        if let bucket = cache[key] {
            for entry in bucket where entry.bytes.elementsEqual(bytes) { return entry.text }
        }
        guard let text = encoding.decode(bytes) else { return nil }
        if count < limit {
            cache[key, default: []].append((Array(bytes), text))
            count += 1
        }
        return text
    }
}
