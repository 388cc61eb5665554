import Foundation

/// A string as a cache's key, hashed and compared by its UTF-8 bytes.
///
/// `String` hashes and compares by Unicode canonical equivalence: every look-up of a Japanese name normalises it
/// to NFC first, and for the tens of column and task names a city's 18,260 daily files repeat, that was a tenth of
/// their reading. A cache keyed by `ExactText` must hold what a function of the string itself gives: two spellings
/// of one text (composed and decomposed) are then two entries with the same value, never one entry for both.
struct ExactText: Hashable, Sendable {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    static func == (left: ExactText, right: ExactText) -> Bool {
        var a = left.text, b = right.text
        return a.withUTF8 { x in
            b.withUTF8 { y in x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) }
        }
    }
}
