/// The JSON part of one UiPath Robot `Execution.log` line: only the keys Kouka uses. The `message`
/// text is read only to recognise the end line and is never stored.
struct UiPathLogLine: Decodable {
    var message: String?
    var level: String?
    var logType: String?
    var timeStamp: String?
    var processName: String?
    var jobId: String?
    var totalExecutionTimeInSeconds: Double?
    var transactionStatus: String?
    var transactionState: String?

    var isDefaultError: Bool {
        logType == "Default" && (level == "Error" || level == "Fatal")
    }

    /// The robot writes "<processName> execution ended" as a run's last line.
    var isEndLine: Bool {
        guard let message, let processName else { return false }
        return message == "\(processName) execution ended" || totalExecutionTimeInSeconds != nil && message.hasSuffix(" execution ended")
    }
}
