import Foundation
import KoukaCore

/// Reads the transcripts a minutes-drafting tool wrote — Whisper JSON (`segments[].end`), SRT
/// (`HH:MM:SS,mmm`) or WebVTT (`HH:MM:SS.mmm` or `MM:SS.mmm`) — for the one figure that matters: the
/// audio length, the latest cue end. Not a word of the text is kept.
///
/// A transcript names no meeting body and no date: the task is the source's `task` (else the folder's
/// name), the date the first `yyyy-MM-dd` or `yyyyMMdd` in the file name (else the file's modification time).
public struct TranscriptParser: LogParser {
    public let formatID = "minutes-transcript"
    public let options: SourceOptions

    public init(options: SourceOptions) { self.options = options }

    public func parse(path: String, context: ParseContext, into sink: any ParseSink) throws -> ParseSummary {
        let lower = path.lowercased()
        let seconds: Double?
        var cues = 0
        if lower.hasSuffix(".json") {
            var latest: Double? = nil
            let end = try JSONPathReader(path: path, encoding: context.encoding).read([.init(["segments", "*", "end"])]) { _, _, json, _ in
                cues += 1
                if let value = (try? JSONSerialization.jsonObject(with: json, options: .fragmentsAllowed)) as? Double {
                    latest = max(latest ?? 0, value)
                }
            }
            guard end.complete else {
                sink.reject(Rejection(file: context.displayPath, line: end.cutLine, reason: "the Whisper JSON is cut off"))
                return ParseSummary(recordsRead: 1)
            }
            seconds = latest
        } else {
            var latest: Double? = nil
            var sawHeader = false
            try LineReader(path: path, encoding: context.encoding).forEachLine { line in
                guard let text = context.encoding == .shiftJIS ? TextEncoding.shiftJIS.decode(line.bytes) : TextEncoding.utf8.decode(line.bytes) else { return }
                if line.number == 1 && text.hasPrefix("WEBVTT") { sawHeader = true }
                guard let arrow = text.range(of: "-->") else { return }
                cues += 1
                let endText = text[arrow.upperBound...].trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init) ?? ""
                if let value = Self.cueTime(endText) { latest = max(latest ?? 0, value) }
            }
            if cues == 0 && !sawHeader && !(lower.hasSuffix(".srt") || lower.hasSuffix(".vtt")) {
                throw FormatMismatch(path: context.displayPath, format: formatID, reason: "no cue times (`-->`) and not Whisper JSON")
            }
            seconds = latest
        }
        guard let seconds, cues > 0 else {
            throw FormatMismatch(path: context.displayPath, format: formatID, reason: "no segment or cue with an end time")
        }
        let name = options.task ?? URL(fileURLWithPath: path).deletingLastPathComponent().lastPathComponent
        sink.accept(UsageEvent(
            family: .minutes, occurredAt: Self.date(of: path, clock: context.clock), taskName: name, department: options.department,
            outcome: .success, quantity: seconds / 60, unit: .audioMinutes, source: context.location(1)))
        return ParseSummary(recordsRead: 1)
    }

    /// `HH:MM:SS,mmm`, `HH:MM:SS.mmm` or `MM:SS.mmm` in seconds.
    static func cueTime(_ text: String) -> Double? {
        let parts = text.replacingOccurrences(of: ",", with: ".").split(separator: ":")
        guard (2...3).contains(parts.count), let last = Double(parts.last!) else { return nil }
        let whole = parts.dropLast().compactMap { Int($0) }
        guard whole.count == parts.count - 1 else { return nil }
        return whole.reduce(0) { $0 * 60 + Double($1) } * 60 + last
    }

    /// The day the meeting was held: a date in the file name, else when the file was written.
    static func date(of path: String, clock: LocalClock) -> Date {
        let name = URL(fileURLWithPath: path).lastPathComponent
        let digits = Array(name)
        for start in digits.indices {
            for length in [10, 8] where start + length <= digits.count {
                let candidate = String(digits[start..<start + length])
                let normalized = length == 8 && candidate.allSatisfy(\.isNumber)
                    ? "\(candidate.prefix(4))-\(candidate.dropFirst(4).prefix(2))-\(candidate.suffix(2))" : candidate.replacingOccurrences(of: "_", with: "-")
                if let date = LocalDate(normalized), date.year >= 2000 { return clock.startOfDay(date) }
            }
        }
        let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
        return modified ?? Date(timeIntervalSince1970: 0)
    }
}
