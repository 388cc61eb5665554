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
package struct Aggregator: Sendable {
    package let clock: LocalClock
    package let officeHours: OfficeHours
    package private(set) var eventCount = 0

    private var names: [String] = []
    /// Name numbers by the hash of the name's bytes; a second name with the same hash goes to
    /// `otherNameIDs`.
    private var nameIDs = SlotTable()
    private var otherNameIDs: [String: Int] = [:]
    /// Rollup slots by their key packed into 64 bits, and the rare key that does not fit.
    private var packedSlots = SlotTable()
    private var slots: [CompactKey: Int] = [:]
    /// Numbered names by the address of their bytes, a few at a time (see `id(of:)`).
    private var byAddress = [(address: UInt, count: Int, id: Int)](repeating: (0, 0, 0), count: addressSlots)
    private var keys: [RollupKey] = []
    private var sums: [RollupTotals] = []
    /// Each rollup's task and department by name number (-1: the log names no department).
    private var slotNames: [(task: Int, department: Int)] = []

    package init(clock: LocalClock, officeHours: OfficeHours = .cityHall) {
        self.clock = clock
        self.officeHours = officeHours
    }

    /// The rollups so far. Names with different bytes that are the same text fall into one key here.
    package var totals: [RollupKey: RollupTotals] {
        var result: [RollupKey: RollupTotals] = [:]
        result.reserveCapacity(keys.count)
        for (key, sum) in zip(keys, sums) { result[key, default: RollupTotals()].add(sum) }
        return result
    }

    /// Whether `event`, on the local `day` it started, is a chatbot answer given outside office hours. Only chatbot answers
    /// are judged by office hours: a robot's night batch saves the same staff time.
    private func isOffHours(_ event: UsageEvent, day: (daysSinceEpoch: Int, minuteOfDay: Int)) -> Bool {
        event.family == .chatbot && !officeHours.contains(date: LocalDate(daysSinceEpoch: day.daysSinceEpoch), minuteOfDay: day.minuteOfDay)
    }

    /// The one rollup `event` alone makes, as `add` would fold it: what a file keeps of a run it leaves out (`RunRollup`).
    package func rollup(of event: UsageEvent) -> (key: RollupKey, totals: RollupTotals) {
        let day = clock.localDay(of: event.occurredAt)
        var totals = RollupTotals()
        totals.add(event)
        return (RollupKey(date: LocalDate(daysSinceEpoch: day.daysSinceEpoch), department: event.department ?? "", family: event.family,
                          taskName: event.taskName, outcome: event.outcome, unit: event.unit, offHours: isOffHours(event, day: day),
                          cumulative: event.cumulative, undatedPeriod: event.undatedPeriod), totals)
    }

    package mutating func add(_ event: UsageEvent) {
        let day = clock.localDay(of: event.occurredAt)
        let offHours = isOffHours(event, day: day)
        let compact = CompactKey(day: day.daysSinceEpoch, task: id(of: event.taskName),
                                 department: event.department.map { id(of: $0) } ?? -1, family: event.family, outcome: event.outcome, unit: event.unit, offHours: offHours,
                                 cumulative: event.cumulative, undatedPeriod: event.undatedPeriod)
        let slot: Int
        let packed = compact.packed
        if let packed, let found = packedSlots.value(for: packed) {
            slot = found
        } else if packed == nil, let found = slots[compact] {
            slot = found
        } else {
            slot = keys.count
            if let packed { packedSlots.insert(packed, slot) } else { slots[compact] = slot }
            keys.append(RollupKey(date: LocalDate(daysSinceEpoch: day.daysSinceEpoch), department: event.department ?? "", family: event.family, taskName: event.taskName,
                                  outcome: event.outcome, unit: event.unit, offHours: offHours, cumulative: event.cumulative,
                                  undatedPeriod: event.undatedPeriod))
            sums.append(RollupTotals())
            slotNames.append((compact.task, compact.department))
        }
        sums[slot].add(event)
        eventCount += 1
    }

    /// The first and last day with a rollup; nil before any event.
    package var dayRange: ClosedRange<LocalDate>? {
        guard let first = keys.lazy.map(\.date).min(), let last = keys.lazy.map(\.date).max() else { return nil }
        return first...last
    }

    /// Adds the rollups of `other`, folded from another part of the same file.
    package mutating func absorb(_ other: Aggregator) {
        for (key, sum) in zip(other.keys, other.sums) {
            let compact = CompactKey(day: key.date.daysSinceEpoch, task: id(of: key.taskName), department: key.department.isEmpty ? -1 : id(of: key.department),
                                     family: key.family, outcome: key.outcome, unit: key.unit, offHours: key.offHours, cumulative: key.cumulative,
                                     undatedPeriod: key.undatedPeriod)
            let packed = compact.packed
            if let slot = packed.flatMap({ packedSlots.value(for: $0) }) ?? (packed == nil ? slots[compact] : nil) {
                sums[slot].add(sum)
            } else {
                if let packed { packedSlots.insert(packed, keys.count) } else { slots[compact] = keys.count }
                keys.append(key)
                sums.append(sum)
                slotNames.append((compact.task, compact.department))
            }
        }
        eventCount += other.eventCount
    }

    /// The rollups as `totals` gives them (names of the same text in one key), ordered by day, department,
    /// family, task, outcome, unit and off-hours with text compared by its UTF-8 bytes: the order of the
    /// store's key, in which inserting them appends. (Running totals come from files that hold nothing else,
    /// so no two keys differ by `cumulative` alone.)
    ///
    /// A large export has tens of thousands of rollups and a few dozen names: each distinct text is ranked
    /// once, and the rollups are sorted by numbers.
    package func rollupsInByteOrder() -> [(key: RollupKey, totals: RollupTotals)] {
        // Text numbers by `String` equality, as `totals` merges; the empty department is text 0.
        var textNumbers: [String: Int] = ["": 0]
        var texts = [""]
        let nameText = names.map { name in
            if let number = textNumbers[name] { return number }
            textNumbers[name] = texts.count
            texts.append(name)
            return texts.count - 1
        }
        var textRank = [Int](repeating: 0, count: texts.count)
        for (rank, number) in texts.indices.sorted(by: { texts[$0].utf8.lexicographicallyPrecedes(texts[$1].utf8) }).enumerated() {
            textRank[number] = rank
        }
        let sortKeys = keys.indices.map { slot in
            let key = keys[slot], names = slotNames[slot]
            let last = Self.outcomeRank[key.outcome]! * 1000 + Self.unitRank[key.unit]! * 8 + (key.offHours ? 4 : 0) + (key.cumulative ? 2 : 0)
                + (key.undatedPeriod ? 1 : 0)
            return (key.date.daysSinceEpoch, textRank[names.department < 0 ? 0 : nameText[names.department]], Self.familyRank[key.family]!,
                    textRank[nameText[names.task]], last)
        }
        var result: [(key: RollupKey, totals: RollupTotals)] = []
        result.reserveCapacity(keys.count)
        var previous: Int? = nil
        for slot in keys.indices.sorted(by: { sortKeys[$0] < sortKeys[$1] }) {
            if let previous, sortKeys[previous] == sortKeys[slot] {
                result[result.count - 1].totals.add(sums[slot])
            } else {
                var key = keys[slot]
                key.taskName = texts[nameText[slotNames[slot].task]]
                key.department = slotNames[slot].department < 0 ? "" : texts[nameText[slotNames[slot].department]]
                result.append((key, sums[slot]))
            }
            previous = slot
        }
        return result
    }

    /// Each case's position when the cases are ordered by the bytes of their stored text.
    private static func byteRanks<Case: RawRepresentable & Hashable>(_ cases: [Case]) -> [Case: Int] where Case.RawValue == String {
        Dictionary(uniqueKeysWithValues: cases.sorted { $0.rawValue.utf8.lexicographicallyPrecedes($1.rawValue.utf8) }.enumerated().map { ($1, $0) })
    }

    private static let familyRank = byteRanks(SystemFamily.declared)
    private static let outcomeRank = byteRanks(Outcome.declared)
    private static let unitRank = byteRanks(EffectUnit.declared)

    /// The rollups in key order, ready to store under `sourceID`.
    package func rollups(sourceID: Int64) -> [DailyRollup] {
        let all = totals
        return all.keys.sorted().map { DailyRollup(key: $0, totals: all[$0]!, sourceID: sourceID) }
    }

    /// The number of `name`, by its exact UTF-8 bytes.
    ///
    /// A parser hands over the same `String` for every row of one name (its interner decodes a name once),
    /// and this keeps every name it numbered: a name whose bytes are where a numbered name's bytes are is
    /// that name, known without hashing or comparing them. Short names live inside the `String` value
    /// itself, not at an address of their own, so they always go the hashing way.
    private mutating func id(of name: String) -> Int {
        let known: Int?? = name.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard bytes.count > Self.inlineNameBytes, let base = bytes.baseAddress else { return nil }
            let address = UInt(bitPattern: base)
            let slot = Int(truncatingIfNeeded: address >> 4) & (Self.addressSlots - 1)
            return byAddress[slot].address == address && byAddress[slot].count == bytes.count ? byAddress[slot].id : nil
        }
        if case let .some(.some(id)) = known { return id }
        var text = name
        let found = text.withUTF8 { bytes in numberByBytes(UnsafeRawBufferPointer(bytes), name) }
        names[found].utf8.withContiguousStorageIfAvailable { stored in
            guard stored.count > Self.inlineNameBytes, let base = stored.baseAddress else { return }
            let address = UInt(bitPattern: base)
            byAddress[Int(truncatingIfNeeded: address >> 4) & (Self.addressSlots - 1)] = (address, stored.count, found)
        }
        return found
    }

    /// The number of the name with these bytes, numbering it when it is new.
    private mutating func numberByBytes(_ bytes: UnsafeRawBufferPointer, _ name: String) -> Int {
        let hash = ByteHash.of(bytes)
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

    private static func same(_ name: String, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var text = name
        return text.withUTF8 { stored in
            stored.count == bytes.count && (bytes.isEmpty || memcmp(stored.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
        }
    }

    /// The most UTF-8 bytes a `String` holds inline, without storage of its own (on 64-bit platforms).
    private static let inlineNameBytes = 15
    private static let addressSlots = 64

    /// A rollup key by numbers only; hashing it touches no text.
    private struct CompactKey: Hashable, Sendable {
        var day: Int
        var task: Int
        var department: Int
        var family: SystemFamily
        var outcome: Outcome
        var unit: EffectUnit
        var offHours: Bool
        var cumulative: Bool
        var undatedPeriod: Bool

        /// The key in 64 bits: day 20, task 20, department 12, family 3, outcome 2, unit 3, off-hours 1, cumulative 1,
        /// undated period 1;
        /// nil when a number does not fit (a date before 1970, more than a million names).
        var packed: UInt64? {
            guard (0..<1 << 20).contains(day), (0..<1 << 20).contains(task), (-1..<(1 << 12) - 1).contains(department) else { return nil }
            var bits = UInt64(day)
            bits = bits << 20 | UInt64(task)
            bits = bits << 12 | UInt64(department + 1)
            bits = bits << 3 | UInt64(SystemFamily.declared.firstIndex(of: family)!)
            bits = bits << 2 | UInt64(Outcome.declared.firstIndex(of: outcome)!)
            bits = bits << 3 | UInt64(EffectUnit.declared.firstIndex(of: unit)!)
            bits = bits << 1 | (offHours ? 1 : 0)
            bits = bits << 1 | (cumulative ? 1 : 0)
            return bits << 1 | (undatedPeriod ? 1 : 0)
        }
    }
}
