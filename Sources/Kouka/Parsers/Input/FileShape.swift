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

    /// "it looks like <shape>: set format = \"<id>\"" when the file's start matches another format than
    /// `configured`; nil when it matches none (or the configured one).
    package static func hint(path: String, configured: String) -> String? {
        guard let head = self.head(path) else { return nil }
        guard let match = signatures.first(where: { $0.all.allSatisfy { head.contains($0) } }), match.format != configured else { return nil }
        return "it looks like \(match.shape): set format = \"\(match.format)\" for this source"
    }

    /// What a file read as Shift_JIS says of its encoding when it starts with UTF-8's byte-order mark (an export re-saved
    /// as "UTF-8 (BOM)" by Excel): it is UTF-8, and its [[source]] should say so. Nil otherwise.
    package static func encodingHint(path: String, configured: TextEncoding) -> String? {
        guard configured == .shiftJIS, let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { handle.closeFile() }
        guard handle.readData(ofLength: 3) == Data([0xEF, 0xBB, 0xBF]) else { return nil }
        return "the file starts with UTF-8's byte-order mark, so it is UTF-8, while its [[source]] sets encoding = \"shift_jis\": set encoding = \"auto\" (or \"utf-8\") for this source"
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
