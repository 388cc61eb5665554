/// Streams the records of a JSON log without holding the whole file: the objects of a top-level array
/// (`[{…},{…}]`), the objects of an array inside a top-level object (`{"value":[{…}]}`, as Dataverse
/// exports), or top-level objects one after another (JSON lines). Each record's bytes are handed over
/// with the line its `{` is on, as UTF-8, for the parser to decode on its own.
///
/// A Shift_JIS file is scanned with its double-byte characters skipped whole (a trail byte can be 0x5C,
/// which would otherwise read as a backslash inside a string) and each record is handed over as UTF-8.
public final class JSONRecordStream {
    /// How the stream ended.
    public struct End: Sendable, Hashable {
        /// The line of a record cut off by the end of the file, if one was.
        public var unclosedRecordLine: Int?
        /// Records handed over.
        public var records: Int
    }

    private enum Container { case object, array }

    public let path: String
    private let chunks: ByteChunkReader

    public init(path: String, encoding: TextEncoding = .auto) throws(InputError) {
        self.path = path
        chunks = try ByteChunkReader(path: path, encoding: encoding)
    }

    /// Calls `body` with each record's bytes and starting line.
    public func forEachRecord(_ body: (UnsafeRawBufferPointer, Int) throws -> Void) throws -> End {
        var stack: [Container] = []
        var inString = false, escaped = false
        var line = 1
        var capture: [UInt8] = []
        var capturing = false
        var captureDepth = 0, captureLine = 0
        var capturingTopLevel = false
        var records = 0
        let shiftJIS = chunks.encoding == .shiftJIS
        var trailByteNext = false
        func hand(_ bytes: [UInt8], _ line: Int) throws {
            if shiftJIS, let text = bytes.withUnsafeBytes({ TextEncoding.shiftJIS.decode($0) }) {
                var utf8 = text
                try utf8.withUTF8 { try body(UnsafeRawBufferPointer($0), line) }
            } else {
                try bytes.withUnsafeBytes { try body($0, line) }
            }
        }
        try chunks.forEachBlock { block in
            for byte in block {
                if capturing { capture.append(byte) }
                if trailByteNext {
                    trailByteNext = false
                    continue
                }
                if inString && shiftJIS && (0x81...0x9F ~= byte || 0xE0...0xFC ~= byte) {
                    trailByteNext = true
                    continue
                }
                if inString {
                    if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inString = false }
                    if byte == 0x0A { line += 1 }
                    continue
                }
                switch byte {
                case 0x22:
                    inString = true
                case 0x7B, 0x5B: // { [
                    let isObject = byte == 0x7B
                    let parent = stack.last
                    stack.append(isObject ? .object : .array)
                    guard isObject else { break }
                    let isArrayElement = parent == .array && (stack.count == 2 || (stack.count == 3 && stack[0] == .object))
                    if stack.count == 1 {
                        capturing = true; capturingTopLevel = true
                        capture.removeAll(keepingCapacity: true); capture.append(byte)
                        captureDepth = 1; captureLine = line
                    } else if isArrayElement && (!capturing || capturingTopLevel) {
                        // An array of records inside a top-level object: the object is a wrapper.
                        capturing = true; capturingTopLevel = false
                        capture.removeAll(keepingCapacity: true); capture.append(byte)
                        captureDepth = stack.count; captureLine = line
                    }
                case 0x7D, 0x5D: // } ]
                    if !stack.isEmpty { stack.removeLast() }
                    if capturing && stack.count == captureDepth - 1 {
                        capturing = false
                        records += 1
                        try hand(capture, captureLine)
                    } else if !capturing && capturingTopLevel && stack.isEmpty {
                        capturingTopLevel = false
                    }
                case 0x0A:
                    line += 1
                default:
                    break
                }
            }
        }
        return End(unclosedRecordLine: capturing ? captureLine : nil, records: records)
    }
}
