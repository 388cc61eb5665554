#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Folds a stream of events into daily rollups, keyed by the local date on which each run started.
///
/// A large export adds hundreds of thousands of events with a few hundred distinct names. Hashing a
/// Japanese `String` normalises it first, which cost more than reading its CSV field; so names are
/// numbered once (by their UTF-8 bytes) and the rollups are found by small integer keys.
public struct Aggregator: Sendable {
    public let clock: LocalClock
    public let officeHours: OfficeHours
    public private(set) var eventCount = 0

    private var names: [String] = []
    /// Name numbers by the FNV-1a hash of the name's bytes; a second name with the same hash goes to
    /// `otherNameIDs`.
    private var nameIDs = SlotTable()
    private var otherNameIDs: [String: Int] = [:]
    /// Rollup slots by their key packed into 64 bits, and the rare key that does not fit.
    private var packedSlots = SlotTable()
    private var slots: [CompactKey: Int] = [:]
    /// The last task name's number: exports often list one scenario's runs together.
    private var lastTask = -1
    private var keys: [RollupKey] = []
    private var sums: [RollupTotals] = []

    public init(clock: LocalClock, officeHours: OfficeHours = .cityHall) {
        self.clock = clock
        self.officeHours = officeHours
    }

    /// The rollups so far. Names with different bytes that are the same text fall into one key here.
    public var totals: [RollupKey: RollupTotals] {
        var result: [RollupKey: RollupTotals] = [:]
        result.reserveCapacity(keys.count)
        for (key, sum) in zip(keys, sums) { result[key, default: RollupTotals()].add(sum) }
        return result
    }

    public mutating func add(_ event: UsageEvent) {
        let wall = clock.wallClock(of: event.occurredAt)
        // Only chatbot answers are judged by office hours: a robot's night batch saves the same staff time.
        let offHours = event.family == .chatbot && !officeHours.contains(date: wall.date, minuteOfDay: wall.minuteOfDay)
        let compact = CompactKey(day: wall.date.daysSinceEpoch, task: taskID(event.taskName),
                                 department: event.department.map { id(of: $0) } ?? -1, family: event.family, outcome: event.outcome, unit: event.unit, offHours: offHours)
        let slot: Int
        let packed = compact.packed
        if let packed, let found = packedSlots.value(for: packed) {
            slot = found
        } else if packed == nil, let found = slots[compact] {
            slot = found
        } else {
            slot = keys.count
            if let packed { packedSlots.insert(packed, slot) } else { slots[compact] = slot }
            keys.append(RollupKey(date: wall.date, department: event.department ?? "", family: event.family, taskName: event.taskName,
                                  outcome: event.outcome, unit: event.unit, offHours: offHours))
            sums.append(RollupTotals())
        }
        sums[slot].add(event)
        eventCount += 1
    }

    /// The first and last day with a rollup; nil before any event.
    public var dayRange: ClosedRange<LocalDate>? {
        guard let first = keys.lazy.map(\.date).min(), let last = keys.lazy.map(\.date).max() else { return nil }
        return first...last
    }

    /// Adds the rollups of `other`, folded from another part of the same file.
    public mutating func absorb(_ other: Aggregator) {
        for (key, sum) in zip(other.keys, other.sums) {
            let compact = CompactKey(day: key.date.daysSinceEpoch, task: id(of: key.taskName), department: key.department.isEmpty ? -1 : id(of: key.department),
                                     family: key.family, outcome: key.outcome, unit: key.unit, offHours: key.offHours)
            let packed = compact.packed
            if let slot = packed.flatMap({ packedSlots.value(for: $0) }) ?? (packed == nil ? slots[compact] : nil) {
                sums[slot].add(sum)
            } else {
                if let packed { packedSlots.insert(packed, keys.count) } else { slots[compact] = keys.count }
                keys.append(key)
                sums.append(sum)
            }
        }
        eventCount += other.eventCount
    }

    /// The rollups in key order, ready to store under `sourceID`.
    public func rollups(sourceID: Int64) -> [DailyRollup] {
        let all = totals
        return all.keys.sorted().map { DailyRollup(key: $0, totals: all[$0]!, sourceID: sourceID) }
    }

    /// The number of `name`, by its exact UTF-8 bytes.
    private mutating func taskID(_ name: String) -> Int {
        var last = lastTask
        let found = id(of: name, last: &last)
        lastTask = found
        return found
    }

    private mutating func id(of name: String) -> Int {
        var none = -1
        return id(of: name, last: &none)
    }

    private mutating func id(of name: String, last: inout Int) -> Int {
        var text = name
        let found = text.withUTF8 { bytes in
            if last >= 0, Self.same(names[last], bytes) { return last }
            var hash = 14_695_981_039_346_656_037 as UInt64
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
            if let id = nameIDs.value(for: hash) {
                if Self.same(names[id], bytes) { return id }
                if let other = otherNameIDs[name] { return other }
                names.append(name)
                otherNameIDs[name] = names.count - 1
                return names.count - 1
            }
            names.append(name)
            nameIDs.insert(hash, names.count - 1)
            return names.count - 1
        }
        last = found
        return found
    }

    private static func same(_ name: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var text = name
        return text.withUTF8 { stored in
            stored.count == bytes.count && (bytes.isEmpty || memcmp(stored.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
        }
    }

    /// A rollup key by numbers only; hashing it touches no text.
    private struct CompactKey: Hashable, Sendable {
        var day: Int
        var task: Int
        var department: Int
        var family: SystemFamily
        var outcome: Outcome
        var unit: EffectUnit
        var offHours: Bool

        /// The key in 64 bits: day 20, task 20, department 12, family 3, outcome 2, unit 3, off-hours 1;
        /// nil when a number does not fit (a date before 1970, more than a million names).
        var packed: UInt64? {
            guard (0..<1 << 20).contains(day), (0..<1 << 20).contains(task), (-1..<(1 << 12) - 1).contains(department) else { return nil }
            var bits = UInt64(day)
            bits = bits << 20 | UInt64(task)
            bits = bits << 12 | UInt64(department + 1)
            bits = bits << 3 | UInt64(SystemFamily.declared.firstIndex(of: family)!)
            bits = bits << 2 | UInt64(Outcome.declared.firstIndex(of: outcome)!)
            bits = bits << 3 | UInt64(EffectUnit.declared.firstIndex(of: unit)!)
            return bits << 1 | (offHours ? 1 : 0)
        }
    }
}
