import Foundation
import Logging

/// Writes log lines to stderr as logfmt (`ts=… level=… msg="…" key=value`), one line per event, so the
/// journal or a log shipper can parse them; stdout stays free for the job's JSON summary.
package struct LogfmtLogHandler: LogHandler {
    package var metadata: Logger.Metadata = [:]
    package var logLevel: Logger.Level = .info
    private let label: String

    package init(label: String) { self.label = label }

    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    package func log(event: LogEvent) {
        var parts = ["ts=\(Self.timestamp())", "level=\(event.level)", "job=\(label)", "msg=\(Self.quote(event.message.description))"]
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        for key in merged.keys.sorted() {
            parts.append("\(key)=\(Self.quote(merged[key]!.description))")
        }
        FileHandle.standardError.write(Data((parts.joined(separator: " ") + "\n").utf8))
    }

    private static func quote(_ value: String) -> String {
        let plain = !value.isEmpty && !value.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" || $0.isNewline })
        if plain { return value }
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
        return "\"\(escaped)\""
    }

    private static func timestamp() -> String { UTCTimestamp.string(from: Date(), milliseconds: true) }
}
