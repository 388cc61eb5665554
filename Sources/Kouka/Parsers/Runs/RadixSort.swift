/// Sorts 64-bit hashes by their bytes, least significant digit first: four passes of 16 bits.
///
/// A large export's half holds hundreds of thousands of run-id hashes to sort before they are compared
/// and stored; a comparison sort spent more time on them than reading their rows did.
enum RadixSort {
    /// Below this, a comparison sort is faster than four passes over two 64 Ki-entry histograms.
    static let threshold = 4096

    static func sort(_ values: inout [UInt64]) {
        guard values.count >= threshold else {
            values.sort()
            return
        }
        var scratch = [UInt64](repeating: 0, count: values.count)
        var counts = [Int](repeating: 0, count: 1 << 16)
        values.withUnsafeMutableBufferPointer { source in
            scratch.withUnsafeMutableBufferPointer { target in
                counts.withUnsafeMutableBufferPointer { counts in
                    var from = source, to = target
                    for shift in stride(from: 0 as UInt64, to: 64, by: 16) {
                        counts.update(repeating: 0)
                        for value in from { counts[Int(truncatingIfNeeded: (value >> shift) & 0xFFFF)] += 1 }
                        var position = 0
                        for digit in counts.indices {
                            let count = counts[digit]
                            counts[digit] = position
                            position += count
                        }
                        for value in from {
                            let digit = Int(truncatingIfNeeded: (value >> shift) & 0xFFFF)
                            to[counts[digit]] = value
                            counts[digit] += 1
                        }
                        swap(&from, &to)
                    }
                    // Four passes: the sorted values are back in `source`.
                }
            }
        }
    }
}
