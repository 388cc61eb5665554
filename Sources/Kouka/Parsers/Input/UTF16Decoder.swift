/// Decodes UTF-16 to UTF-8 a block at a time, knowing the file offset of every code unit, so that a damaged
/// file is named with the byte where it breaks rather than decoded with replacement characters or cut short.
struct UTF16Decoder {
    /// Where and how UTF-16 text does not decode.
    struct Damage: Error, Equatable {
        /// The file offset of the first byte that does not decode.
        let offset: Int64
        let problem: String
    }

    let order: UTF16Text
    /// A high surrogate whose low one is in the next block, and its offset.
    private var pendingHigh: (unit: UInt16, offset: Int64)? = nil

    init(order: UTF16Text) {
        self.order = order
    }

    /// The code unit of the two bytes at `index` of `bytes`.
    @inline(__always)
    func unit(_ bytes: UnsafeRawBufferPointer, _ index: Int) -> UInt16 {
        let (a, b) = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
        return order == .littleEndian ? a | b << 8 : a << 8 | b
    }

    /// Appends the UTF-8 of `bytes` (an even count, the first at file offset `offset`) to `output`. A
    /// surrogate pair cut by the end of `bytes` is finished by the next call.
    mutating func decode(_ bytes: UnsafeRawBufferPointer, at offset: Int64, into output: inout [UInt8]) throws(Damage) {
        var index = 0
        while index + 1 < bytes.count {
            let u = unit(bytes, index)
            let here = offset + Int64(index)
            index += 2
            if let high = pendingHigh {
                pendingHigh = nil
                guard (0xDC00...0xDFFF).contains(u) else {
                    throw Damage(offset: high.offset, problem: "a high surrogate 0x\(hex(high.unit)) without its low surrogate")
                }
                Self.append(0x10000 + ((UInt32(high.unit) - 0xD800) << 10) + (UInt32(u) - 0xDC00), to: &output)
                continue
            }
            switch u {
            case 0:
                throw Damage(offset: here, problem: "a NUL character, which no log writes in text")
            case 0xD800...0xDBFF:
                pendingHigh = (u, here)
            case 0xDC00...0xDFFF:
                throw Damage(offset: here, problem: "a low surrogate 0x\(hex(u)) without its high surrogate")
            default:
                Self.append(UInt32(u), to: &output)
            }
        }
    }

    /// Whether a high surrogate waits for the next block's first unit.
    var isWaitingForLowSurrogate: Bool { pendingHigh != nil }

    /// Ends the text: a high surrogate still waiting for its low one is damage.
    func finish() throws(Damage) {
        if let high = pendingHigh {
            throw Damage(offset: high.offset, problem: "a high surrogate 0x\(hex(high.unit)) at the end of the text, without its low surrogate")
        }
    }

    /// The damage of a text whose byte count is odd: its last byte, at `offset`, is half a code unit.
    static func oddByte(at offset: Int64) -> Damage {
        Damage(offset: offset, problem: "an odd number of bytes: the last one is half a character (the file is cut)")
    }

    private func hex(_ unit: UInt16) -> String {
        let digits = String(unit, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }

    private static func append(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case ..<0x80:
            output.append(UInt8(scalar))
        case ..<0x800:
            output.append(UInt8(0xC0 | scalar >> 6))
            output.append(UInt8(0x80 | scalar & 0x3F))
        case ..<0x10000:
            output.append(UInt8(0xE0 | scalar >> 12))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        default:
            output.append(UInt8(0xF0 | scalar >> 18))
            output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
