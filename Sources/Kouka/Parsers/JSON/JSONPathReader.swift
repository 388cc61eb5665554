import Foundation

/// Streams one JSON document and hands over the values found at chosen paths, without holding the
/// document: the fields a parser needs from an `analyzeResult`, a Whisper transcript or a Rasa tracker.
///
/// A path is a list of object keys, with `*` for any array index or key: `["analyzeResult", "pages", "*"]`
/// is every page. A value at a wanted path is captured whole (a scalar or a container) and handed over
/// as UTF-8 JSON with its starting line; with `capture: false` only its presence is reported, so a
/// parser can count pages without copying their words.
package final class JSONPathReader {
    /// A wanted path.
    package struct Pattern: Sendable {
        package var path: [String]
        package var capture: Bool

        package init(_ path: [String], capture: Bool = true) {
            self.path = path
            self.capture = capture
        }

        func matches(_ concrete: [String]) -> Bool {
            concrete.count == path.count && zip(path, concrete).allSatisfy { $0 == "*" || $0 == $1 }
        }
    }

    /// How the document ended.
    package struct End: Sendable, Hashable {
        /// False when the file ended inside an object, array or string (a cut-off document).
        package var complete: Bool
        /// The number of top-level values (more than 1 for JSON lines).
        package var roots: Int
        /// The line of a wanted value the file ended inside, if it did.
        package var cutOffLine: Int?
        /// The file's last line.
        package var lastLine: Int

        /// Where a cut-off document was cut: in the wanted value the file ended inside, else on its last line.
        package var cutLine: Int { cutOffLine ?? lastLine }
    }

    /// No value is captured longer than this, nor any key: a document that never closes a string would
    /// otherwise be held whole. A longer value is handed over cut short, so that it fails to decode and is
    /// rejected with its line.
    package static let maxValueBytes = 16 << 20

    private enum Container { case object, array }

    private struct Frame {
        var container: Container
        var key = ""
        var index = -1
        var expectingKey = true
    }

    package let path: String
    private let chunks: ByteChunkReader
    /// The UTF-8 copy of a UTF-16 file, removed with the reader.
    private let copy: URL?

    package init(path: String, encoding: TextEncoding = .auto) throws(InputError) {
        self.path = path
        // UTF-16 (Notepad's "Unicode") is read from a UTF-8 copy: a JSON document is read whole, from its start.
        if let order = try UTF16Text.byteOrder(atPath: path) {
            let copy = try order.utf8Copy(of: path, display: path)
            self.copy = copy
            do { chunks = try ByteChunkReader(path: copy.path, encoding: .utf8) } catch {
                Discard.temporary(copy)
                throw error
            }
        } else {
            copy = nil
            chunks = try ByteChunkReader(path: path, encoding: encoding)
        }
    }

    deinit {
        if let copy { Discard.temporary(copy) }
    }

    /// Reads the document, calling `body(concretePath, patternIndex, json, line)` for each wanted value.
    package func read(_ patterns: [Pattern], _ body: ([String], Int, Data, Int) throws -> Void) throws -> End {
        var stack: [Frame] = []
        var line = 1, roots = 0
        var inString = false, escaped = false, stringIsKey = false, trailByteNext = false
        var keyBytes: [UInt8] = []
        var inScalar = false
        var capture: [UInt8] = []
        var captureDepth = -1, captureLine = 0, captureIndex = 0, captureOn = false
        var capturePath: [String] = []
        let shiftJIS = chunks.encoding == .shiftJIS
        // A value's path is as long as the containers around it: one deeper than every pattern matches none, and its path
        // is not made. Made at every depth, a file nested 100,000 deep took 19 s to reject, quadratic in its depth, while
        // the store stayed locked (helper-85's deep-json-quadratic-hang.sh).
        let longestPattern = patterns.map(\.path.count).max() ?? 0
        // A line break inside a string is no JSON: the value was cut off there (a write interrupted, then more appended: JSON
        // lines, or answers saved one after another). A line that then begins with `{` while a root object is still open
        // begins the next root. Read on as one, the cut record swallowed every record after it, and all of them were lost
        // behind one rejection (helper-131, helper-134). The cut value is handed over as it is, fails to decode and is
        // rejected with its line; the reading starts again at the new root. An object that begins a line in a document
        // printed without indentation is no cut: no string was broken before it (helper-134).
        var lineStart = false, brokenString = false

        func currentPath() -> [String] {
            stack.map { $0.container == .object ? $0.key : String($0.index) }
        }
        func hand() throws {
            var data = Data(capture)
            if shiftJIS, let text = capture.withUnsafeBytes({ TextEncoding.shiftJIS.decode($0) }) { data = Data(text.utf8) }
            try body(capturePath, captureIndex, data, captureLine)
            captureDepth = -1
            capture.removeAll(keepingCapacity: true)
        }
        /// A value begins here: note it in its container and start capturing if its path is wanted.
        func valueStarts() {
            if stack.isEmpty { roots += 1 } else if stack[stack.count - 1].container == .array { stack[stack.count - 1].index += 1 }
            guard captureDepth < 0, stack.count <= longestPattern else { return }
            let concrete = currentPath()
            if let index = patterns.firstIndex(where: { $0.matches(concrete) }) {
                captureDepth = stack.count
                captureIndex = index
                captureOn = patterns[index].capture
                capturePath = concrete
                captureLine = line
            }
        }
        func scalarEnds() throws {
            inScalar = false
            if captureDepth == stack.count { try hand() }
        }

        try chunks.forEachBlock { block in
            for byte in block {
                if lineStart, brokenString, byte == 0x7B, let root = stack.first, root.container == .object {
                    if captureDepth >= 0 { try hand() }
                    stack.removeAll()
                    inString = false; escaped = false; inScalar = false; trailByteNext = false; brokenString = false
                }
                lineStart = byte == 0x0A
                if lineStart, inString { brokenString = true }
                if inString {
                    if captureDepth >= 0 && captureOn && capture.count < Self.maxValueBytes { capture.append(byte) }
                    if stringIsKey && keyBytes.count < Self.maxValueBytes { keyBytes.append(byte) }
                    if trailByteNext { trailByteNext = false; continue }
                    if shiftJIS && (0x81...0x9F ~= byte || 0xE0...0xFC ~= byte) { trailByteNext = true; continue }
                    if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 {
                        inString = false
                        if stringIsKey {
                            keyBytes.removeLast()
                            stack[stack.count - 1].key = Self.decodeKey(keyBytes, shiftJIS: shiftJIS)
                            stack[stack.count - 1].expectingKey = false
                        } else if captureDepth == stack.count {
                            try hand()
                        }
                    }
                    if byte == 0x0A { line += 1 }
                    continue
                }
                if inScalar {
                    switch byte {
                    case 0x2C, 0x7D, 0x5D, 0x20, 0x0A, 0x0D, 0x09: try scalarEnds()
                    default:
                        if captureDepth >= 0 && captureOn && capture.count < Self.maxValueBytes { capture.append(byte) }
                        continue
                    }
                }
                switch byte {
                case 0x22: // "
                    let isKey = stack.last.map { $0.container == .object && $0.expectingKey } ?? false
                    if !isKey { valueStarts() }
                    inString = true
                    stringIsKey = isKey
                    keyBytes.removeAll(keepingCapacity: true)
                    if captureDepth >= 0 && captureOn && capture.count < Self.maxValueBytes { capture.append(byte) }
                case 0x7B, 0x5B: // { [
                    valueStarts()
                    if captureDepth >= 0 && captureOn && capture.count < Self.maxValueBytes { capture.append(byte) }
                    stack.append(Frame(container: byte == 0x7B ? .object : .array))
                case 0x7D, 0x5D: // } ]
                    if captureDepth >= 0 && captureOn && capture.count < Self.maxValueBytes { capture.append(byte) }
                    if !stack.isEmpty { stack.removeLast() }
                    if stack.isEmpty { brokenString = false }
                    if captureDepth == stack.count { try hand() }
                case 0x2C: // ,
                    if captureDepth >= 0 && captureOn && capture.count < Self.maxValueBytes { capture.append(byte) }
                    if let last = stack.indices.last, stack[last].container == .object { stack[last].expectingKey = true }
                case 0x3A: // :
                    if captureDepth >= 0 && captureOn && capture.count < Self.maxValueBytes { capture.append(byte) }
                case 0x20, 0x09, 0x0D:
                    break
                case 0x0A:
                    line += 1
                default:
                    valueStarts()
                    inScalar = true
                    if captureDepth >= 0 && captureOn && capture.count < Self.maxValueBytes { capture.append(byte) }
                }
            }
        }
        if inScalar { try scalarEnds() }
        return End(complete: stack.isEmpty && !inString, roots: roots, cutOffLine: captureDepth >= 0 ? captureLine : nil, lastLine: line)
    }

    /// A key as text, only to match it against the patterns. A key that does not decode (bytes that are not
    /// text, an escape JSON does not know) becomes "", which no pattern names: nothing under it is taken for a
    /// record, and a record holding it fails its own decoding and is rejected.
    private static func decodeKey(_ bytes: [UInt8], shiftJIS: Bool) -> String {
        if !bytes.contains(0x5C) {
            return bytes.withUnsafeBytes { (shiftJIS ? TextEncoding.shiftJIS : .utf8).decode($0) } ?? ""
        }
        let quoted = Data([0x22] + bytes + [0x22])
        do {
            return try JSONSerialization.jsonObject(with: quoted, options: .fragmentsAllowed) as? String ?? ""
        } catch {
            return ""
        }
    }
}
