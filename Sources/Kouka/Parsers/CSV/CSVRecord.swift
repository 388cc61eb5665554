/// One CSV record as libcsv parsed it: fields as raw bytes, decoded only when asked for.
/// Valid only inside the callback that receives it.
package struct CSVRecord {
    let storage: UnsafeRawBufferPointer
    let ends: UnsafeBufferPointer<Int>
    let firstEnd: Int
    /// The 1-based line on which the record starts.
    package let line: Int
    /// The file offset just past this record's line end.
    package let endOffset: Int64
    /// The file's encoding, used by `string(at:)`.
    package let encoding: TextEncoding
    /// How many fields run through the last one that had bytes, counting fields the reader did not keep: 0 when
    /// none had; more than the header's columns when the row holds a value beyond its last column.
    package let valuedFields: Int
    /// Set when the record is broken and must be rejected whole; its fields are then empty.
    package var defect: CSVRecordDefect? = nil

    package var count: Int { ends.count }

    /// The raw bytes of field `index`; empty when the record has fewer fields.
    package func bytes(at index: Int) -> UnsafeRawBufferPointer {
        guard index >= 0, index < ends.count else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        let start = index == 0 ? firstEnd : ends[index - 1]
        return UnsafeRawBufferPointer(rebasing: storage[start..<ends[index]])
    }

    /// Field `index` decoded in the file's encoding; nil when the bytes are not valid text in it,
    /// "" when the record has fewer fields.
    package func string(at index: Int) -> String? {
        guard index >= 0, index < count else { return "" }
        return encoding.decode(bytes(at: index))
    }

    /// Whether every field is empty (a blank or all-commas line), kept or not.
    package var isBlank: Bool { valuedFields == 0 }
}
