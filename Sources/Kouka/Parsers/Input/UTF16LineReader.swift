import Foundation

/// `LineReader` for UTF-16 text with a BOM (a log re-saved by Notepad as "Unicode"): each line is handed over
/// as UTF-8, while its number and `endOffset` are the file's own, in its UTF-16 bytes. A resumed reading
/// therefore starts at a line end of the original file, and the ledger's offsets and hashes stay those of
/// the file on disk.
///
/// A line ends at the code unit U+000A, which is always two bytes at an even offset (after the BOM), so it
/// is found without decoding; each line is decoded on its own. Text that does not decode (an odd byte
/// count, an unpaired surrogate, a NUL) stops the reading with the byte where it breaks: nothing is guessed.
struct UTF16LineReader {
    let path: String
    let order: UTF16Text
    let startOffset: Int64
    let firstLine: Int
    var blockSize = 256 * 1024

    func forEachLine(_ body: (LineReader.Line) throws -> Void) throws {
        // Offset 0 holds the BOM; a resumed reading starts at a line end, which is never inside a code unit.
        let begin = max(startOffset, 2)
        guard begin % 2 == 0 else {
            throw InputError.damagedText(path: path, encoding: order.rawValue, offset: begin,
                                         problem: "reading was to resume at an odd byte, inside a character; the file was replaced")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw InputError.cannotOpen(path: path, reason: "cannot open for reading") }
        defer { Discard.handle(handle) }
        do { try handle.seek(toOffset: UInt64(begin)) } catch { throw InputError.cannotOpen(path: path, reason: "cannot seek to byte \(begin)") }
        var line: [UInt8] = []
        var lineStart = begin
        var cut = false
        var number = firstLine
        var leftover: [UInt8] = []
        var offset = begin
        while true {
            let block: Data
            do { block = try handle.read(upToCount: blockSize) ?? Data() } catch { throw InputError.cannotRead(path: path, reason: "\(error)") }
            if block.isEmpty { break }
            var data = leftover
            data.append(contentsOf: block)
            let even = data.count & ~1
            let dataOffset = offset - Int64(leftover.count)
            offset += Int64(block.count)
            var lineBegin = 0
            try data.withUnsafeBytes { raw in
                let decoder = UTF16Decoder(order: order)
                var index = 0
                while index < even {
                    if decoder.unit(raw, index) == 0x000A {
                        keep(raw[lineBegin..<index], in: &line, cut: &cut)
                        let end = dataOffset + Int64(index + 2)
                        try emit(line, start: lineStart, number: number, end: end, terminated: true, cut: cut, body)
                        line.removeAll(keepingCapacity: line.count < 1 << 20)
                        cut = false
                        number += 1
                        lineStart = end
                        lineBegin = index + 2
                    }
                    index += 2
                }
                keep(raw[lineBegin..<even], in: &line, cut: &cut)
            }
            leftover = Array(data[even...])
        }
        if !leftover.isEmpty {
            throw order.damaged(UTF16Decoder.oddByte(at: offset - 1), path)
        }
        if !line.isEmpty || cut {
            try emit(line, start: lineStart, number: number, end: offset, terminated: false, cut: cut, body)
        }
    }

    /// Adds the UTF-16 bytes of a line being gathered, up to twice the UTF-8 limit (no character takes more
    /// bytes in UTF-8 than UTF-16 does, times 1.5); past it, only notes that the line was cut.
    private func keep(_ bytes: Slice<UnsafeRawBufferPointer>, in line: inout [UInt8], cut: inout Bool) {
        let room = 2 * LineReader.maxLineBytes - line.count
        if bytes.count > room { cut = true }
        line.append(contentsOf: bytes.prefix(max(0, room)))
    }

    private func emit(_ units: [UInt8], start: Int64, number: Int, end: Int64, terminated: Bool, cut: Bool,
                      _ body: (LineReader.Line) throws -> Void) throws {
        var decoder = UTF16Decoder(order: order)
        var text: [UInt8] = []
        text.reserveCapacity(units.count * 3 / 2)
        var damage: UTF16Decoder.Damage? = nil
        units.withUnsafeBytes { raw in
            do throws(UTF16Decoder.Damage) {
                try decoder.decode(raw, at: start, into: &text)
                // A line cut at the limit may end between the two halves of a pair; what is kept of it is enough.
                if !cut { try decoder.finish() }
            } catch {
                damage = error
            }
        }
        if let damage { throw order.damaged(damage, path) }
        if terminated, !cut, text.last == 0x0D { text.removeLast() }
        if text.count > LineReader.maxLineBytes { text.removeLast(text.count - LineReader.maxLineBytes) }
        try text.withUnsafeBytes { bytes in
            try body(LineReader.Line(bytes: bytes, number: number, endOffset: end, isTerminated: terminated, isCut: cut))
        }
    }
}
