import Foundation

/// The records of a JSON log, whatever its layout: the objects of a top-level array (`[{…},{…}]`), the
/// `value` array of a Dataverse Web API answer (`{"@odata.context":…,"value":[…]}`), or top-level objects
/// one after another (JSON lines). Each record is handed over as UTF-8 JSON with the line it starts on,
/// one at a time.
package enum JSONRecords {
    /// The layout, decided from the first bytes: `[` is an array; an object whose first key is an OData
    /// annotation (`@odata.context`, `@odata.count`, …) or `value` is a Dataverse or Orchestrator answer; any
    /// other object starts JSON lines.
    /// nil when the file does not start with `{` or `[` (after a BOM and blanks): it is not JSON.
    /// A file that cannot be opened is left to the reading, which says so; one whose first bytes cannot be
    /// read throws, rather than be taken for a file that is not JSON.
    static func patterns(forFileAt path: String, display: String) throws(InputError) -> [JSONPathReader.Pattern]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return [.init([])] }
        defer { Discard.handle(handle) }
        var head = try Self.head(of: handle, count: 4096, display: display)
        // UTF-16 (Notepad's "Unicode") is told by its characters, not its bytes.
        if let text = UTF16Text.utf8Head(head) { head = text }
        var i = 0
        func skipSpace() { while i < head.count, [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains(head[i]) { i += 1 } }
        skipSpace()
        guard i < head.count else { return [.init([])] }
        if head[i] == 0x5B { return [.init(["*"])] }
        guard head[i] == 0x7B else { return nil }
        i += 1
        skipSpace()
        guard i < head.count, head[i] == 0x22 else { return [.init([])] }
        let start = i + 1
        var end = start
        while end < head.count, head[end] != 0x22 { end += 1 }
        let firstKey = String(decoding: head[start..<min(end, head.count)], as: UTF8.self)
        // OData answers may open with any of their annotations (`@odata.context`, `@odata.count`, …).
        return firstKey.hasPrefix("@odata.") || firstKey == "value" ? [.init(["value", "*"])] : [.init([])]
    }

    /// Calls `body(json, line)` for each record; throws `FormatMismatch` for a file that is not JSON.
    package static func forEach(path: String, context: ParseContext, format: String, _ body: (Data, Int) throws -> Void) throws -> JSONPathReader.End {
        guard let patterns = try patterns(forFileAt: path, display: context.displayPath) else {
            throw FormatMismatch(path: context.displayPath, format: format, reason: "the file does not start with { or [: not JSON")
        }
        guard patterns.first?.path == ["value", "*"] else {
            return try JSONPathReader(path: path, encoding: context.encoding).read(patterns) { _, _, json, line in
                try body(json, line)
            }
        }
        // A saved OData answer may be one page of several (Dataverse gives 5,000 rows a page, Orchestrator `$top`): counted
        // as the whole, the other pages' runs would be missing with no word (helper-88's odata-page-counted-as-whole.sh).
        var records = 0, recordRoots = 0
        var nextLink: String?, total: String?
        // Answers saved one after another (a night's answer appended to a file each night): each opens with its
        // `@odata.context`, and each one's count is held to its own records, not the last count to all (helper-127: an honest
        // file of two answers refused, a page short of its count passed where the totals happened to agree).
        var answers: [(count: String?, records: Int)] = []
        let end = try JSONPathReader(path: path, encoding: context.encoding)
            .read(patterns + [.init(["@odata.nextLink"]), .init(["@odata.count"]), .init(["@odata.etag"]), .init(["@odata.context"])]) { _, index, json, line in
                switch index {
                case 0:
                    records += 1
                    if !answers.isEmpty { answers[answers.count - 1].records += 1 }
                    try body(json, line)
                case 1: nextLink = String(decoding: json, as: UTF8.self)
                case 2:
                    total = String(decoding: json, as: UTF8.self).trimmingSpacesAndNewlines()
                    if !answers.isEmpty { answers[answers.count - 1].count = total }
                case 3: recordRoots += 1
                default: answers.append((nil, 0))
                }
            }
        // Records themselves, one a line (`jq -c '.value[]'` of an answer) or one saved alone (`GET flowruns(<id>)`), open with
        // their own annotations (`@odata.etag`) and hold no `value`: read as records, never as answers of none (helper-127:
        // three runs read as nothing, every job exiting 0). Also when the file is cut off (a poller appending each night read
        // while it wrote, or killed): its whole records count, and the cut one is named by the reading (helper-131: every run
        // of the file lost behind one rejected row).
        if recordRoots > 0 {
            guard records == 0 else {
                throw FormatMismatch(path: context.displayPath, format: format,
                                     reason: "the file holds both saved answers (a value list) and records on their own (@odata.etag): save one kind per file")
            }
            return try JSONPathReader(path: path, encoding: context.encoding).read([.init([])]) { _, _, json, line in try body(json, line) }
        }
        // A file cut off is named as such by its reader.
        guard end.complete else { return end }
        let merge = "merge the pages into one file (jq -s '{value: map(.value[])}' page*.json > runs.json) or export the runs whole, then put that file among the sources instead of the pages"
        if let nextLink, nextLink != "null" {
            throw FormatMismatch(path: context.displayPath, format: format,
                                 reason: "the saved answer is one page of several (it has @odata.nextLink), so the runs of the other pages cannot be told present: \(merge)")
        }
        // Each answer's count against its own records where every answer names its context (an answer opens with it); else
        // the file's one count against all its records.
        let counted = end.roots == answers.count ? answers : [(total, records)]
        for (index, answer) in counted.enumerated() {
            guard let total = answer.count, total != "null", Int(total) != answer.records else { continue }
            let which = counted.count > 1 ? "answer \(index + 1) of \(counted.count) in the file" : "the answer"
            throw FormatMismatch(path: context.displayPath, format: format,
                                 reason: "@odata.count says \(total) record(s) match and \(which) holds \(answer.records): it is one page of several ($top/$skip); \(merge)")
        }
        return end
    }

    /// Whether a log that comes as CSV or JSON is JSON: by its extension, else by its first non-blank byte. A
    /// file that cannot be opened or whose first bytes cannot be read throws: were it left to the CSV reading,
    /// a JSON export that could not be opened only for a moment would be read as CSV and rejected whole.
    static func isJSON(_ path: String, display: String) throws(InputError) -> Bool {
        let lower = path.lowercased()
        if lower.hasSuffix(".json") || lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return true }
        if lower.hasSuffix(".csv") { return false }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .cannotOpen(path: display, reason: String(cString: strerror(errno)))
        }
        defer { Discard.handle(handle) }
        var head = try Self.head(of: handle, count: 64, display: display)
        if let text = UTF16Text.utf8Head(head) { head = text }
        return head.first(where: { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }).map { $0 == 0x7B || $0 == 0x5B } ?? false
    }

    /// Whether `parse` reads the file as CSV, whose reading hands its bytes to the digest. A file whose first
    /// bytes cannot be read is not: the job then hashes it itself, and its reading meets the same error and
    /// says so.
    static func digestsWhileReading(_ path: String) -> Bool {
        do {
            return try !isJSON(path, display: path)
        } catch {
            return false
        }
    }

    private static func head(of handle: FileHandle, count: Int, display: String) throws(InputError) -> [UInt8] {
        do {
            return Array(try handle.read(upToCount: count) ?? Data())
        } catch {
            throw .cannotRead(path: display, reason: error.localizedDescription)
        }
    }
}
