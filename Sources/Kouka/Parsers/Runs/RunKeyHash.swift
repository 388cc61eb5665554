/// The 64-bit FNV-1a hash of a run id's bytes: what is kept of an id, eight bytes a run.
enum RunKeyHash {
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash = 14_695_981_039_346_656_037 as UInt64
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
        return hash
    }

    static func of(_ text: String) -> UInt64 {
        var copy = text
        return copy.withUTF8 { of(UnsafeRawBufferPointer($0)) }
    }
}
