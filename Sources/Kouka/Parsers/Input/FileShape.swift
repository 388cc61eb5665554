import Foundation

/// What a file that is not its configured format looks like, from its first bytes: the format it seems to be
/// written in, so that the message can say which `format` to set, or else what was found. Only key and
/// column names are named, never a value from the file: a log may hold citizens' words.
package enum FileShape {
    /// The formats whose files are recognised, each by names its files have near their start.
    private static let signatures: [(format: String, shape: String, all: [String])] = [
        ("azure-document-intelligence", "a Form Recognizer v2 result", ["\"analyzeResult\"", "\"readResults\""]),
        ("azure-document-intelligence", "an Azure Document Intelligence result", ["\"analyzeResult\""]),
        ("deepl-usage", "a DeepL /v2/usage answer", ["\"character_count\""]),
        ("uipath-orchestrator", "a UiPath Orchestrator jobs answer", ["\"ReleaseName\""]),
        ("uipath-orchestrator", "a UiPath Orchestrator queue items answer", ["\"QueueDefinitionId\""]),
        ("power-automate-flowsession", "a Power Automate Desktop flowsession export", ["flowsessionid"]),
        ("power-automate-flowrun", "a Power Automate cloud flow run history", ["workflowname"]),
        ("rasa-tracker", "a Rasa tracker", ["\"sender_id\"", "\"events\""]),
        ("uipath-execution-log", "a UiPath robot's Execution.log", ["\"jobId\"", "\"processName\""]),
        ("bot-framework-transcript", "a Bot Framework transcript", ["\"conversation\"", "\"from\""]),
        ("minutes-transcript", "a whisper.cpp transcript", ["\"transcription\""]),
        ("minutes-transcript", "a Whisper transcript", ["\"segments\""]),
        ("minutes-transcript", "a WebVTT transcript", ["WEBVTT"]),
        ("minutes-transcript", "an SRT transcript", [" --> "]),
        ("winactor-task-csv", "a WinActor task history export", ["タスクID", "シナリオ名"]),
    ]

    /// What to tell of a file its source could not read: that it is an archive, or in another encoding, or another
    /// format than its source sets (`compressed`, `encodingHint`, `hint`, the first that says anything).
    package static func hints(path: String, encoding: TextEncoding, format: String) -> String? {
        compressed(path: path) ?? encodingHint(path: path, configured: encoding) ?? hint(path: path, configured: format)
    }

    /// The archive formats a log is kept in, by the bytes they start with.
    private static let archives: [(name: String, magic: [UInt8], extract: String)] = [
        ("gzip", [0x1F, 0x8B], "gunzip -k"), ("zip", [0x50, 0x4B, 0x03, 0x04], "unzip"), ("bzip2", [0x42, 0x5A, 0x68], "bunzip2 -k"),
        ("xz", [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "unxz -k"), ("7z", [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "7z x"),
        ("zstd", [0x28, 0xB5, 0x2F, 0xFD], "unzstd"),
    ]

    /// "it is a gzip archive…" for a file that starts as an archive does: read as a log, it was rejected for lacking the
    /// format's columns or keys (helper-147 #3), which sent staff looking at the tool's settings.
    /// A workbook (an .xlsx is a zip whose first entry is `[Content_Types].xml`, an .xls an OLE file) is named as one: the
    /// way to read it is to save it as CSV, not to extract it (helper-148 #7).
    package static func compressed(path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { handle.closeFile() }
        let head = [UInt8](handle.readData(ofLength: 64))
        let workbook = "an Excel workbook, which Kouka does not read: save it from Excel as CSV (CSV UTF-8, or CSV in Shift_JIS with encoding = \"shift_jis\"), or point the source at the tool's own export"
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return "it is " + workbook }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]), head.count > 30 {
            let length = Int(head[26]) | Int(head[27]) << 8
            let name = String(decoding: head[30..<min(head.count, 30 + length)], as: UTF8.self)
            if name.hasPrefix("[Content_Types]") || name.hasPrefix("xl/") || name.hasPrefix("docProps/") || name.hasPrefix("_rels/") { return "it is " + workbook }
        }
        guard let archive = archives.first(where: { head.starts(with: $0.magic) }) else { return nil }
        return "it is a \(archive.name) archive, which Kouka does not read: extract it (\(archive.extract)) where the source's path pattern finds the log, and keep archives out of the pattern (for example by naming the extracted logs in it)"
    }

    /// "it looks like <shape>: set format = \"<id>\"" when the file's start matches another format than
    /// `configured`; nil when it matches none (or the configured one).
    package static func hint(path: String, configured: String) -> String? {
        guard let head = self.head(path) else { return nil }
        guard let match = signatures.first(where: { $0.all.allSatisfy { head.contains($0) } }), match.format != configured else { return nil }
        return "it looks like \(match.shape): set format = \"\(match.format)\" for this source"
    }

    /// What a file read as Shift_JIS says of its encoding when it starts with UTF-8's byte-order mark (an export re-saved
    /// as "UTF-8 (BOM)" by Excel): it is UTF-8, and its [[source]] should say so. Nil otherwise.
    /// Without the mark, a first line that is UTF-8 with characters beyond ASCII (which Shift_JIS text almost never is) under
    /// `shift_jis`, or one that is not UTF-8 and reads as Shift_JIS under `utf-8`, is named too: before, such a file was
    /// rejected only for lacking its columns (helper-131).
    package static func encodingHint(path: String, configured: TextEncoding) -> String? {
        guard configured == .shiftJIS || configured == .utf8, let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { handle.closeFile() }
        let head = handle.readData(ofLength: 4096)
        if configured == .shiftJIS, head.starts(with: [0xEF, 0xBB, 0xBF]) {
            return "the file starts with UTF-8's byte-order mark, so it is UTF-8, while its [[source]] sets encoding = \"shift_jis\": set encoding = \"auto\" (or \"utf-8\") for this source"
        }
        let line = Data(head.prefix { $0 != 0x0A })
        guard line.contains(where: { $0 >= 0x80 }) else { return nil }
        let isUTF8 = String(data: line, encoding: .utf8) != nil
        if configured == .shiftJIS, isUTF8 {
            return "its first line is UTF-8, while its [[source]] sets encoding = \"shift_jis\": set encoding = \"auto\" (or \"utf-8\") for this source"
        }
        if configured == .utf8, !isUTF8, String(data: line, encoding: .shiftJIS) != nil {
            return "its first line is not UTF-8 and reads as Shift_JIS (as WinActor and Excel write it), while its [[source]] sets encoding = \"utf-8\": set encoding = \"shift_jis\" (or \"auto\") for this source"
        }
        return nil
    }

    /// The file's first 8 KiB as text, as UTF-8 or else Shift_JIS (a WinActor export is MS932).
    private static func head(_ path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { handle.closeFile() }
        let data = handle.readData(ofLength: 8 << 10)
        let utf8 = String(decoding: data, as: UTF8.self)
        guard utf8.contains("\u{FFFD}") else { return utf8 }
        // The 8 KiB may end inside a two-byte Shift_JIS character.
        for cut in 0...1 where data.count > cut {
            if let text = String(data: data.dropLast(cut), encoding: .shiftJIS) { return text }
        }
        return utf8
    }
}
