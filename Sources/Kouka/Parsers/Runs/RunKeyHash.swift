/// The 64-bit FNV-1a hash of a run id's bytes: what is kept of an id, eight bytes a run.
///
/// A GUID is one id whatever the case of its letters and with or without braces (.NET's `B` format): a robot's log writes
/// a job's id `a0000001-…`, while SQL Server and a spreadsheet made from Orchestrator may write its `Key` `A0000001-…` or
/// `{a0000001-…}`. Hashed as written, one job read from both counted twice unnamed (helper-101 #1); a GUID is hashed in
/// its lower-case form without braces.
enum RunKeyHash {
    private static let offsetBasis = 14_695_981_039_346_656_037 as UInt64
    private static let prime = 1_099_511_628_211 as UInt64

    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        if bytes.count == 36 || bytes.count == 38, let hash = ofGUID(bytes) { return hash }
        var hash = offsetBasis
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* prime }
        return hash
    }

    static func of(_ text: String) -> UInt64 {
        var copy = text
        return copy.withUTF8 { of(UnsafeRawBufferPointer($0)) }
    }

    /// The hash of the GUID `bytes` spell (`xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, in braces or not), in lower case; nil
    /// when they spell none.
    private static func ofGUID(_ bytes: UnsafeRawBufferPointer) -> UInt64? {
        var start = 0
        if bytes.count == 38 {
            guard bytes[0] == 0x7B, bytes[37] == 0x7D else { return nil }
            start = 1
        }
        var hash = offsetBasis
        for offset in 0..<36 {
            var byte = bytes[start + offset]
            if offset == 8 || offset == 13 || offset == 18 || offset == 23 {
                guard byte == 0x2D else { return nil }
            } else {
                switch byte {
                case 0x30...0x39, 0x61...0x66: break
                case 0x41...0x46: byte |= 0x20
                default: return nil
                }
            }
            hash = (hash ^ UInt64(byte)) &* prime
        }
        return hash
    }
}
