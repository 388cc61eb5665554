import Foundation

/// UTF-16 text with a byte-order mark: what Excel's "Unicode テキスト" and Notepad's "Unicode" save.
/// Only a BOM tells it: without one, UTF-16 cannot be told apart from binary data, so nothing is guessed.
public enum UTF16Text: String, Sendable, Hashable {
    case littleEndian = "UTF-16LE"
    case bigEndian = "UTF-16BE"

    /// The byte order a file's first two bytes announce, nil when they are no UTF-16 BOM.
    static func byteOrder(_ first: UInt8, _ second: UInt8) -> UTF16Text? {
        switch (first, second) {
        case (0xFF, 0xFE): .littleEndian
        case (0xFE, 0xFF): .bigEndian
        default: nil
        }
    }

    /// The byte order of the file at `path` if it begins with a UTF-16 BOM; nil otherwise.
    public static func byteOrder(atPath path: String) throws(InputError) -> UTF16Text? {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError.cannotOpen(path: path, reason: "cannot open for reading")
        }
        defer { try? handle.close() }
        let head: Data
        do { head = try handle.read(upToCount: 2) ?? Data() } catch {
            throw InputError.cannotRead(path: path, reason: "\(error)")
        }
        return head.count == 2 ? byteOrder(head[head.startIndex], head[head.startIndex + 1]) : nil
    }

    /// Writes the text of the file at `path` (which starts with this BOM) to a new UTF-8 file and returns
    /// its location; the caller removes it. Streamed in blocks, so a large Excel export is never held whole.
    /// An error that names the encoding when the text does not decode (an unpaired surrogate, an odd byte
    /// count, a NUL), rather than a copy with replacement characters.
    public func utf8Copy(of path: String, display: String) throws(InputError) -> URL {
        guard let input = FileHandle(forReadingAtPath: path) else {
            throw InputError.cannotOpen(path: display, reason: "cannot open for reading")
        }
        defer { try? input.close() }
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-\(rawValue)-\(UUID().uuidString).txt")
        guard FileManager.default.createFile(atPath: copy.path, contents: nil), let output = FileHandle(forWritingAtPath: copy.path) else {
            throw InputError.cannotRead(path: display, reason: "cannot write its UTF-8 copy in \(copy.deletingLastPathComponent().path)")
        }
        defer { try? output.close() }
        do throws(InputError) {
            try transcode(from: input, to: output, display: display)
        } catch {
            try? FileManager.default.removeItem(at: copy)
            throw error
        }
        return copy
    }

    private func transcode(from input: FileHandle, to output: FileHandle, display: String) throws(InputError) {
        let damaged = InputError.unreadableEncoding(path: display, found: "\(rawValue) text that does not decode (a cut or damaged file)")
        var pending: [UInt8] = []
        var units: [UInt16] = []
        var bytes: [UInt8] = []
        var first = true
        while true {
            let block: Data
            do { block = try input.read(upToCount: 1 << 20) ?? Data() } catch {
                throw InputError.cannotRead(path: display, reason: "\(error)")
            }
            pending.append(contentsOf: block.dropFirst(first ? 2 : 0))
            first = false
            let atEnd = block.isEmpty
            guard !atEnd || !pending.isEmpty else { return }
            guard !atEnd || pending.count % 2 == 0 else { throw damaged }
            units.removeAll(keepingCapacity: true)
            var index = 0
            while index + 1 < pending.count {
                let (a, b) = (UInt16(pending[index]), UInt16(pending[index + 1]))
                units.append(self == .littleEndian ? a | b << 8 : a << 8 | b)
                index += 2
            }
            // A surrogate pair cut by the block's end is finished by the next block.
            if !atEnd, let last = units.last, UTF16.isLeadSurrogate(last) {
                units.removeLast()
                index -= 2
            }
            pending.removeFirst(index)
            bytes.removeAll(keepingCapacity: true)
            let failed = Swift.transcode(units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: true) { bytes.append($0) }
            guard !failed, !bytes.contains(0) else { throw damaged }
            do { try output.write(contentsOf: bytes) } catch {
                throw InputError.cannotRead(path: display, reason: "cannot write its UTF-8 copy (\(error))")
            }
            if atEnd { return }
        }
    }
}
