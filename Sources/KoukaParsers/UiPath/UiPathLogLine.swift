/// The JSON part of one UiPath Robot `Execution.log` line: only the keys Kouka uses. The `message`
/// text is read only to recognise the end line and is never stored.
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
    var transactionStatus: String?

    var isDefaultError: Bool { isDefaultLog && isErrorLevel }

    /// The robot writes "<processName> execution ended" as a run's last line.
    var isEndLine: Bool {
        guard let message, let processName else { return false }
        return message == "\(processName) execution ended" || totalExecutionTimeInSeconds != nil && message.hasSuffix(" execution ended")
    }

    /// Reads the keys Kouka uses from the line's JSON; nil when it is not a complete JSON object.
    init?(json: UnsafeRawBufferPointer, names: NameInterner) {
        var line = UiPathLogLine()
        var bad = false
        let complete = FlatJSONObject.members(json) { key, value in
            switch key.count {
            case 5 where ASCIIField.equals(key, "jobId"): line.jobId = Self.name(value, names)
            case 5 where ASCIIField.equals(key, "level"): line.isErrorLevel = Self.equals(value, "Error") || Self.equals(value, "Fatal")
            case 7 where ASCIIField.equals(key, "message"):
                // Only the end line's message matters; nothing else of the text is decoded.
                if case let .string(bytes, escaped) = value,
                   escaped || (bytes.count >= 16 && ASCIIField.equals(UnsafeRawBufferPointer(rebasing: bytes[(bytes.count - 16)...]), " execution ended"))
                   || (bytes.count >= 18 && ASCIIField.equals(UnsafeRawBufferPointer(rebasing: bytes[(bytes.count - 18)...]), " execution started")) {
                    line.message = value.text
                }
            case 7 where ASCIIField.equals(key, "logType"): line.isDefaultLog = Self.equals(value, "Default")
            case 9 where ASCIIField.equals(key, "timeStamp"):
                if case let .string(bytes, false) = value { line.timeStamp = Timestamp(bytes: bytes) } else { line.timeStamp = value.text.flatMap { Timestamp($0) } }
            case 11 where ASCIIField.equals(key, "processName"): line.processName = Self.name(value, names)
            case 17 where ASCIIField.equals(key, "transactionStatus"): line.transactionStatus = value.text
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
