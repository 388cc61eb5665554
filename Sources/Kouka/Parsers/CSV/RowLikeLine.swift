/// Tells a line inside a quoted field that reads as a row of the file from text that merely holds commas.
///
/// A quote opened by mistake in a row's last column and closed by a later row's quote makes one record of
/// the header's width out of every line between: libcsv cannot see it, and those rows would be lost with no
/// word. A line of that record that has the header's width by itself and begins with a field shaped as the
/// record's own first field (hex digits, other letters and other bytes in the same order, whatever their number:
/// `2024/04/01 09:00:00` and `2024/04/02 13:10:00`, or two GUIDs, have one shape) is
/// taken as a swallowed row. Free text rarely has both, and when it does the record is rejected with its
/// reason, never counted in silence.
struct RowLikeLine {
    /// The record's first field, in classes: `h` a run of hex digits (`0-9a-fA-F`), `a` a run of other ASCII
    /// letters, `x` a run of non-ASCII bytes; punctuation and spaces as themselves. Quotes are left out.
    let firstFieldShape: [UInt8]
    let delimiter: UInt8
    let fields: Int

    /// The shape of `line`'s first field, the record's first line.
    init(firstLine line: UnsafeRawBufferPointer, delimiter: UInt8, fields: Int) {
        firstFieldShape = Self.shape(ofFirstFieldIn: line, delimiter: delimiter)
        self.delimiter = delimiter
        self.fields = fields
    }

    /// Whether `line`, read from a fresh start, is a whole record of `fields` fields whose first field has
    /// the record's first field's shape.
    func matches(_ line: UnsafeRawBufferPointer) -> Bool {
        var count = 1
        var quoted = false
        var atFieldStart = true
        for byte in line {
            if byte == 0x22 {
                if quoted || atFieldStart { quoted.toggle() }
                atFieldStart = false
            } else if byte == delimiter, !quoted {
                count += 1
                if count > fields { return false }
                atFieldStart = true
            } else if byte != 0x0A && byte != 0x0D {
                atFieldStart = false
            }
        }
        return !quoted && count == fields && Self.shape(ofFirstFieldIn: line, delimiter: delimiter) == firstFieldShape
    }

    private static func shape(ofFirstFieldIn line: UnsafeRawBufferPointer, delimiter: UInt8) -> [UInt8] {
        var shape: [UInt8] = []
        for byte in line {
            if byte == delimiter || byte == 0x0A || byte == 0x0D { break }
            let run: UInt8
            switch byte {
            case 0x22: continue
            case 0x30...0x39, 0x41...0x46, 0x61...0x66: run = 0x68
            case 0x47...0x5A, 0x67...0x7A: run = 0x61
            case 0x80...: run = 0x78
            default:
                shape.append(byte)
                continue
            }
            if shape.last != run { shape.append(run) }
        }
        return shape
    }
}
