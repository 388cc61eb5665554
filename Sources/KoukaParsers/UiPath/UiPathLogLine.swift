/// The JSON part of one UiPath Robot `Execution.log` line: only the keys Kouka uses. The `message`
/// text is read only to recognise the end line and is never stored.
struct UiPathLogLine {
    var message: String?
    var level: String?
    var logType: String?
    var timeStamp: String?
    var processName: String?
    var jobId: String?
    var totalExecutionTimeInSeconds: Double?
    var transactionStatus: String?

    var isDefaultError: Bool {
        logType == "Default" && (level == "Error" || level == "Fatal")
    }

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
            case 5 where ASCIIField.equals(key, "level"): line.level = value.text
            case 7 where ASCIIField.equals(key, "message"):
                // Only the end line's message matters; nothing else of the text is decoded.
                if case let .string(bytes, escaped) = value,
                   escaped || (bytes.count >= 16 && ASCIIField.equals(UnsafeRawBufferPointer(rebasing: bytes[(bytes.count - 16)...]), " execution ended"))
                   || (bytes.count >= 18 && ASCIIField.equals(UnsafeRawBufferPointer(rebasing: bytes[(bytes.count - 18)...]), " execution started")) {
                    line.message = value.text
                }
            case 7 where ASCIIField.equals(key, "logType"): line.logType = value.text
            case 9 where ASCIIField.equals(key, "timeStamp"): line.timeStamp = value.text
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

    private static func name(_ value: FlatJSONObject.Value, _ names: NameInterner) -> String? {
        if case let .string(bytes, escaped) = value, !escaped { return names.string(bytes, encoding: .utf8) }
        return value.text
    }
}
