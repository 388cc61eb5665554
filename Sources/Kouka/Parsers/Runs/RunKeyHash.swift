/// The 64-bit FNV-1a hash of a run id's bytes: what is kept of an id, eight bytes a run.
///
/// As written, letter case included: a store keeps only the hashes, so a form changed later (a GUID in lower case) could
/// not be matched with the hashes of files already deleted, and an overlap of two exports counted right would count twice
/// after an upgrade (helper-102 #2, of a first 0.5.7 build that hashed GUIDs in lower case).
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
