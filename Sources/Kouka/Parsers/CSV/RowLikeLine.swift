/// Tells a line inside a quoted field that reads as a row of the file from text that merely holds commas.
///
/// A quote opened by mistake in a row's last column and closed by a later row's quote makes one record of
/// the header's width out of every line between: libcsv cannot see it, and those rows would be lost with no
/// word. A line of that record that has the header's width by itself and begins with a field shaped as the
/// record's own first field (hex digits, other letters and other characters in the same order, whatever their
/// number: `2024/04/01 09:00:00` and `2024/04/02 13:10:00`, or two GUIDs, have one shape) is taken as a swallowed
/// row. Free text rarely has both, and when it does the record is rejected with its reason, never counted in silence.
///
/// A shape says little when it is a single class (a word, a Japanese name, a number): a line of free text could have
/// it. Such a line is judged in rows of five fields or more (`isDistinctive`); a line so found that was free text after
/// all is named by its rejection, where a row lost to a stray quote was said by nothing.
///
/// In a log that may hold what a citizen wrote (`CSVReader.readsLinesInsideAQuoteAsRows` off) a line found so is never read
/// as a row: a citizen who pastes a line of the export into a question writes one, its fields (a name column among them)
/// the citizen's words. The record is rejected whole instead.
struct RowLikeLine {
    /// The record's first field, in classes: `h` a run of hex digits (`0-9a-fA-F`), `a` a run of other ASCII
    /// letters, `x` a run of non-ASCII characters; punctuation and spaces as themselves. Quotes are left out.
    let firstFieldShape: [UInt8]
    let delimiter: UInt8
    /// The widths a row may have (`CSVReader.fewestFields` through its header's).
    let fields: ClosedRange<Int>
    /// Whether the bytes are Shift_JIS: a lead byte and its trail byte (which may be an ASCII letter) are one character.
    let shiftJIS: Bool

    /// The shape of `line`'s first field, the record's first line.
    init(firstLine line: UnsafeRawBufferPointer, delimiter: UInt8, fields: ClosedRange<Int>, shiftJIS: Bool) {
        self.delimiter = delimiter
        self.fields = fields
        self.shiftJIS = shiftJIS
        firstFieldShape = Self.shape(ofFirstFieldIn: line, delimiter: delimiter, shiftJIS: shiftJIS)
    }

    /// Whether the shape and the row's width together tell a row from text: a shape of three classes or more (a date and
    /// time, a GUID); any other shape in a row of five fields or more. A first field of one kind of character (a robot's name, a row number) was not judged below ten columns, and the
    /// rows a stray quote took in were lost with exit 0 (helper-173 F2: eight-column chatbot and six-column robot exports);
    /// judged, an honest line of that shape and width inside a quoted cell is named, a rejection to look at rather than a
    /// row lost unsaid. Below five fields, a line of text with a name and a few commas is too common to be judged; an empty
    /// first field tells nothing.
    var isDistinctive: Bool { firstFieldShape.count >= 3 || (!firstFieldShape.isEmpty && fields.upperBound >= 5) }

    /// Whether `line`, read from a fresh start, is a whole record of `fields` fields whose first field has
    /// the record's first field's shape.
    func matches(_ line: UnsafeRawBufferPointer) -> Bool {
        isDistinctive && fitsWidth(widthAndFirstQuote(line).fields) && Self.shape(ofFirstFieldIn: line, delimiter: delimiter, shiftJIS: shiftJIS) == firstFieldShape
    }

    /// A width a row may have: the header's, or that of its named columns only when it ends in a delimiter (helper-175 F1:
    /// the header's width alone let rows without the trailing delimiter be taken in unseen).
    private func fitsWidth(_ width: Int) -> Bool { fields.contains(width) }

    /// Whether `line`, the one that closed the record's quote, is a row that a stray quote swallowed: a whole record by
    /// itself (`matches`) whose first quote opens a field of its own, as a row's quoted field does. Text whose last line
    /// ends the field (`…,3000円",yes`) has its first quote after text, not at a field's start.
    func matchesAsClosingLine(_ line: UnsafeRawBufferPointer) -> Bool {
        matches(line) && widthAndFirstQuote(line).firstQuoteOpensAField
    }

    /// The number of fields of `line` read by itself, and whether its first quote (if any) is at a field's start.
    private func widthAndFirstQuote(_ line: UnsafeRawBufferPointer) -> (fields: Int, firstQuoteOpensAField: Bool) {
        var count = 1
        var quoted = false
        var atFieldStart = true
        var firstQuoteOpens: Bool? = nil
        for byte in line {
            if byte == 0x22 {
                if firstQuoteOpens == nil { firstQuoteOpens = atFieldStart }
                if quoted || atFieldStart { quoted.toggle() }
                atFieldStart = false
            } else if byte == delimiter, !quoted {
                count += 1
                if count > fields.upperBound { return (count, false) }
                atFieldStart = true
            } else if byte != 0x0A && byte != 0x0D {
                atFieldStart = false
            }
        }
        return (quoted ? -1 : count, firstQuoteOpens ?? false)
    }

    private static func shape(ofFirstFieldIn line: UnsafeRawBufferPointer, delimiter: UInt8, shiftJIS: Bool) -> [UInt8] {
        var shape: [UInt8] = []
        var index = 0
        while index < line.count {
            let byte = line[index]
            index += 1
            if byte == delimiter || byte == 0x0A || byte == 0x0D { break }
            let run: UInt8
            switch byte {
            case 0x22: continue
            case 0x30...0x39, 0x41...0x46, 0x61...0x66: run = 0x68
            case 0x47...0x5A, 0x67...0x7A: run = 0x61
            case 0x80...:
                // A Shift_JIS lead byte takes its trail byte with it: one character, whatever the trail byte looks like.
                if shiftJIS, (0x81...0x9F).contains(byte) || (0xE0...0xFC).contains(byte), index < line.count { index += 1 }
                run = 0x78
            default:
                shape.append(byte)
                continue
            }
            if shape.last != run { shape.append(run) }
        }
        return shape
    }
}
