/// The run ids (WinActor タスクID, flowsession id) already seen in one file, as 64-bit hashes: a row that
/// repeats one is the same run exported twice and is counted once. Eight bytes a run, not the id itself.
struct RunIDSet {
    private var seen = Set<UInt64>()

    /// Records `bytes`; false when the id was already seen (an empty id is never a repeat).
    mutating func insert(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard !bytes.isEmpty else { return true }
        var hash = 14_695_981_039_346_656_037 as UInt64
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
        return seen.insert(hash).inserted
    }

    mutating func insert(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { insert(UnsafeRawBufferPointer($0)) }
    }
}
