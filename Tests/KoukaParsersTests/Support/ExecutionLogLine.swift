/// Builds UiPath Robot `Execution.log` lines: `HH:mm:ss.ffff LEVEL {json}` with the keys Kouka reads.
enum ExecutionLogLine {
    static func make(
        _ time: String, _ level: String = "Info", message: String, levelName: String = "Information", logType: String = "Default",
        timeStamp: String?, process: String? = "住民票発行_RPA", job: String? = "job-1", extra: String = ""
    ) -> String {
        var fields = [#""message":"\#(message)""#, #""level":"\#(levelName)""#, #""logType":"\#(logType)""#]
        if let timeStamp { fields.append(#""timeStamp":"\#(timeStamp)""#) }
        fields.append(#""fingerprint":"00000000-0000-0000-0000-000000000000","windowsIdentity":"CITY\\robot01""#)
        if !extra.isEmpty { fields.append(extra) }
        if let process { fields.append(#""processName":"\#(process)","processVersion":"1.0.3""#) }
        if let job { fields.append(#""jobId":"\#(job)""#) }
        fields.append(#""robotName":"市民課ロボ","machineId":0"#)
        return "\(time) \(level) {\(fields.joined(separator: ","))}"
    }

    /// The "<process> execution ended" line with its total time; `message` for a robot in another language,
    /// `seconds: false` for one that writes only `totalExecutionTime`.
    static func end(
        _ time: String, timeStamp: String?, seconds: Int, process: String = "住民票発行_RPA", job: String = "job-1", message: String? = nil,
        withSeconds: Bool = true
    ) -> String {
        let h = seconds / 3600, m = seconds / 60 % 60, s = seconds % 60
        let total = [h, m, s].map { $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: ":")
        let totals = withSeconds ? #""totalExecutionTimeInSeconds":\#(seconds),"totalExecutionTime":"\#(total)""# : #""totalExecutionTime":"\#(total)""#
        return make(time, message: message ?? "\(process) execution ended", timeStamp: timeStamp, process: process, job: job, extra: totals)
    }
}
