import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// UTF-16 text with a byte-order mark: what Excel's "Unicode テキスト" and Notepad's "Unicode" save.
/// Only a BOM tells it: without one, UTF-16 cannot be told apart from binary data, so nothing is guessed.
package enum UTF16Text: String, Sendable, Hashable {
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
    /// Two bytes of every file a run reads, a city's tens of thousands of daily logs: read with `pread` on a descriptor
    /// checked by `fstat`, not through `FileHandle`, whose opening cost more than the look itself. Opened without
    /// blocking: a FIFO at the path would otherwise hold the run until something writes to it.
    package static func byteOrder(atPath path: String) throws(InputError) -> UTF16Text? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw InputError.cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw InputError.cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw InputError.notARegularFile(path: path) }
        var head: (UInt8, UInt8) = (0, 0)
        let count = withUnsafeMutableBytes(of: &head) { pread(descriptor, $0.baseAddress, 2, 0) }
        guard count >= 0 else { throw InputError.cannotRead(path: path, reason: String(cString: strerror(errno))) }
        return count == 2 ? byteOrder(head.0, head.1) : nil
    }

    /// The UTF-8 of the text in `head` (a file's first bytes, BOM included) when it starts with a UTF-16 BOM,
    /// for telling the file's layout from its first characters; nil otherwise. Decoding stops where the head
    /// is cut or damaged: the reading proper names the damage.
    static func utf8Head(_ head: [UInt8]) -> [UInt8]? {
        guard head.count >= 2, let order = byteOrder(head[0], head[1]) else { return nil }
        var end = head.count & ~1
        while true {
            var decoder = UTF16Decoder(order: order)
            var text: [UInt8] = []
            var damage: UTF16Decoder.Damage? = nil
            head.withUnsafeBytes { raw in
                do throws(UTF16Decoder.Damage) {
                    try decoder.decode(UnsafeRawBufferPointer(rebasing: raw[2..<end]), at: 2, into: &text)
                } catch {
                    damage = error
                }
            }
            guard let damage else { return text }
            end = Int(damage.offset)
        }
    }

    /// Writes the text of the file at `path` (which starts with this BOM) to a new UTF-8 file and returns
    /// its location; the caller removes it. Streamed in blocks, so a large Excel export is never held whole.
    /// An error that names the encoding when the text does not decode (an unpaired surrogate, an odd byte
    /// count, a NUL), rather than a copy with replacement characters.
    package func utf8Copy(of path: String, display: String) throws(InputError) -> URL {
        guard let input = FileHandle(forReadingAtPath: path) else {
            throw InputError.cannotOpen(path: display, reason: "cannot open for reading")
        }
        defer { Discard.handle(input) }
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-\(rawValue)-\(UUID().uuidString).txt")
        guard FileManager.default.createFile(atPath: copy.path, contents: nil), let output = FileHandle(forWritingAtPath: copy.path) else {
            throw InputError.cannotRead(path: display, reason: "cannot write its UTF-8 copy in \(copy.deletingLastPathComponent().path)")
        }
        do throws(InputError) {
            try transcode(from: input, to: output, display: display)
            // A close that fails may leave the copy short of its last block: what is read from it would be short too.
            do { try output.close() } catch {
                throw InputError.cannotRead(path: display, reason: "cannot finish its UTF-8 copy in \(copy.deletingLastPathComponent().path): \(error)")
            }
        } catch {
            Discard.handle(output)
            Discard.temporary(copy)
            throw error
        }
        return copy
    }

    private func transcode(from input: FileHandle, to output: FileHandle, display: String) throws(InputError) {
        var decoder = UTF16Decoder(order: self)
        var pending: [UInt8] = []
        var bytes: [UInt8] = []
        // The file offset of `pending`'s first byte: the BOM's two bytes are not text.
        var offset: Int64 = 2
        var first = true
        while true {
            let block: Data
            do { block = try input.read(upToCount: 1 << 20) ?? Data() } catch {
                throw InputError.cannotRead(path: display, reason: "\(error)")
            }
            pending.append(contentsOf: block.dropFirst(first ? 2 : 0))
            first = false
            if block.isEmpty {
                if pending.count % 2 == 1 { throw damaged(UTF16Decoder.oddByte(at: offset + Int64(pending.count - 1)), display) }
                do { try decoder.finish() } catch { throw damaged(error, display) }
                return
            }
            let even = pending.count & ~1
            bytes.removeAll(keepingCapacity: true)
            var damage: UTF16Decoder.Damage? = nil
            pending.withUnsafeBytes { raw in
                do throws(UTF16Decoder.Damage) { try decoder.decode(UnsafeRawBufferPointer(rebasing: raw[0..<even]), at: offset, into: &bytes) } catch { damage = error }
            }
            if let damage { throw damaged(damage, display) }
            pending.removeFirst(even)
            offset += Int64(even)
            do { try output.write(contentsOf: bytes) } catch {
                throw InputError.cannotRead(path: display, reason: "cannot write its UTF-8 copy (\(error))")
            }
        }
    }

    /// The error that names where the text of `display` does not decode.
    func damaged(_ damage: UTF16Decoder.Damage, _ display: String) -> InputError {
        .damagedText(path: display, encoding: rawValue, offset: damage.offset, problem: damage.problem)
    }
}
