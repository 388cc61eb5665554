#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension UnsafeRawBufferPointer {
    /// Whether these bytes are `text`'s UTF-8, exactly: a stored text compared with the few a column repeats, without
    /// making a string of it.
    func holds(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in count == utf8.count && (count == 0 || memcmp(utf8.baseAddress!, baseAddress!, count) == 0) }
    }
}
