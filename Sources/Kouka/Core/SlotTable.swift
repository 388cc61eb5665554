/// A map from 64-bit keys to small integers, by open addressing with a multiplicative hash.
///
/// Swift's `Dictionary` hashes every key with seeded SipHash, as it should for keys an attacker may
/// choose. The aggregator looks up two keys for each of millions of events, and its keys are Kouka's
/// own numbers (name numbers, days, enum positions): a multiplicative hash spreads them well and costs
/// a fraction of SipHash.
struct SlotTable: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var count = 0
    private var shift: UInt64

    init() {
        keys = Array(repeating: 0, count: 1024)
        values = Array(repeating: -1, count: 1024)
        shift = 64 - 10
    }

    func value(for key: UInt64) -> Int? {
        var index = position(key)
        while true {
            let value = values[index]
            if value < 0 { return nil }
            if keys[index] == key { return Int(value) }
            index = (index + 1) & (keys.count - 1)
        }
    }

    /// Adds `key`, which must not be in the table yet.
    mutating func insert(_ key: UInt64, _ value: Int) {
        if (count + 1) * 2 > keys.count { grow() }
        var index = position(key)
        while values[index] >= 0 { index = (index + 1) & (keys.count - 1) }
        keys[index] = key
        values[index] = Int32(value)
        count += 1
    }

    private func position(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private mutating func grow() {
        let old = zip(keys, values).filter { $0.1 >= 0 }
        keys = Array(repeating: 0, count: keys.count * 2)
        values = Array(repeating: -1, count: values.count * 2)
        shift -= 1
        count = 0
        for (key, value) in old { insert(key, Int(value)) }
    }
}
