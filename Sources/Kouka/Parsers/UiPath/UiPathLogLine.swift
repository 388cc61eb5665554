/// The JSON part of one UiPath Robot `Execution.log` line: only the keys Kouka uses. The `message`
/// text is read only to recognise a run's first and last lines and is never stored.
///
/// Every line of a large log passes through here, so the keys that only decide something (level,
/// logType, timeStamp) are read from their bytes without making a `String`.
struct UiPathLogLine {
    var message: String?
    /// `level` is Error or Fatal.
    var isErrorLevel = false
    /// `logType` is Default (a robot's own log line, not a user's Log Message).
    var isDefaultLog = false
    /// The `timeStamp`, when it is there and a valid date-time.
    var timeStamp: Timestamp?
    var processName: String?
    var jobId: String?
    var totalExecutionTimeInSeconds: Double?
    /// The line has `totalExecutionTime` (`"00:00:05"`), which, like `totalExecutionTimeInSeconds`, only a
    /// run's end line carries, whatever the robot's language.
    var hasTotalExecutionTime = false
    var transactionStatus: String?
    /// The hash of the line's `transactionID`: a queue transaction ended twice in a run is one line written twice
    /// (`UiPathRun.countTransaction`). Hashed from the bytes, no `String` made: every line passes here.
    var transactionHash: UInt64?
    /// `initiatedBy` is Studio, StudioX or StudioPro: the run was started from UiPath's designer (a developer trying the
    /// process out), not by Orchestrator, Assistant or the robot's command line. The robot writes the key on a run's
    /// first lines (its "execution started" line), not on every line.
    var startedFromStudio = false

    var isDefaultError: Bool { isDefaultLog && isErrorLevel }

    /// A run's last line: the only one with its total execution time, in any language; or, from robots that
    /// write no totals, "<processName> execution ended" in a language Kouka knows.
    var isEndLine: Bool {
        if totalExecutionTimeInSeconds != nil || hasTotalExecutionTime { return true }
        guard let message, let processName else { return false }
        return UiPathRunMessages.isMessage(message, of: processName, oneOf: UiPathRunMessages.ended)
    }

    /// "<processName> execution started" in a language Kouka knows.
    var isStartLine: Bool {
        guard let message, let processName else { return false }
        return UiPathRunMessages.isMessage(message, of: processName, oneOf: UiPathRunMessages.started)
    }

    /// Reads the keys Kouka uses from the line's JSON; nil when it is not a complete JSON object.
    init?(json: UnsafeRawBufferPointer, names: NameInterner) {
        var line = UiPathLogLine()
        var bad = false
        let complete = FlatJSONObject.members(json) { key, value in
            // A string Kouka uses that does not decode (an escape JSON does not know, bytes that are not UTF-8) makes
            // the line invalid JSON, rejected as such: never read as a line without that field (no start, no error).
            func text(_ value: FlatJSONObject.Value) -> String? {
                let text = value.text
                if text == nil, case .string = value { bad = true }
                return text
            }
            switch key.count {
            case 5 where ASCIIField.equals(key, "jobId"): line.jobId = Self.name(value, names) ?? text(value)
            case 5 where ASCIIField.equals(key, "level"):
                if case .string(_, true) = value, text(value) == nil { break }
                line.isErrorLevel = Self.equals(value, "Error") || Self.equals(value, "Fatal")
            case 7 where ASCIIField.equals(key, "message"):
                // Only a run's first and last lines' messages matter; nothing else of the text is decoded.
                if case let .string(bytes, escaped) = value, escaped || UiPathRunMessages.mayBeStartOrEnd(bytes) {
                    line.message = text(value)
                }
            case 7 where ASCIIField.equals(key, "logType"): line.isDefaultLog = Self.equals(value, "Default")
            case 9 where ASCIIField.equals(key, "timeStamp"):
                if case let .string(bytes, false) = value { line.timeStamp = Timestamp(bytes: bytes) } else { line.timeStamp = value.text.flatMap { Timestamp($0) } }
            case 11 where ASCIIField.equals(key, "processName"): line.processName = Self.name(value, names) ?? text(value)
            case 11 where ASCIIField.equals(key, "initiatedBy"):
                line.startedFromStudio = Self.equals(value, "Studio") || Self.equals(value, "StudioX") || Self.equals(value, "StudioPro")
            case 17 where ASCIIField.equals(key, "transactionStatus"): line.transactionStatus = text(value)
            case 13 where ASCIIField.equals(key, "transactionID"):
                if case let .string(bytes, _) = value, !bytes.isEmpty { line.transactionHash = RunKeyHash.of(bytes) }
            case 18 where ASCIIField.equals(key, "totalExecutionTime"): line.hasTotalExecutionTime = true
            case 27 where ASCIIField.equals(key, "totalExecutionTimeInSeconds"):
                line.totalExecutionTimeInSeconds = value.number
                if line.totalExecutionTimeInSeconds == nil { bad = true }
            default: break
            }
        }
        guard complete, !bad else { return nil }
        self = line
    }

    init() {}

    /// Whether `value` is the string `text`, escapes read.
    private static func equals(_ value: FlatJSONObject.Value, _ text: StaticString) -> Bool {
        guard case let .string(bytes, escaped) = value else { return false }
        if !escaped { return ASCIIField.equals(bytes, text) }
        return value.text == text.description
    }

    private static func name(_ value: FlatJSONObject.Value, _ names: NameInterner) -> String? {
        if case let .string(bytes, escaped) = value, !escaped { return names.string(bytes, encoding: .utf8) }
        return value.text
    }
}
