@testable import Kouka
import Testing

/// `RadixSort`: run-id hashes sorted by their bytes must come out as a comparison sort leaves them.
struct RadixSortTests {
    @Test(arguments: [0, 1, 2, 4_095, 4_096, 70_000])
    func sortsAsAComparisonSortDoes(count: Int) {
        var generator = SystemRandomNumberGenerator()
        // Repeats, the extremes and values that differ only in their top or bottom 16 bits.
        var values = (0..<count).map { index -> UInt64 in
            switch index % 5 {
            case 0: UInt64.random(in: 0...UInt64.max, using: &generator)
            case 1: UInt64(index % 97)
            case 2: UInt64.max - UInt64(index % 3)
            case 3: UInt64(index % 11) << 48
            default: 0xFFFF_0000_0000_0000 | UInt64(index % 65_536)
            }
        }
        let expected = values.sorted()
        RadixSort.sort(&values)
        #expect(values == expected)
    }
}
