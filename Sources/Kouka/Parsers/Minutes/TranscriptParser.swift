import Foundation

/// Reads the transcripts a minutes-drafting tool wrote for the one figure that matters, the audio length.
/// Not a word of the text is kept. The shapes, as their tools document them:
/// - openai-whisper, faster-whisper and WhisperX JSON: the latest `segments[].end`, in seconds;
/// - OpenAI's transcription API `verbose_json`: its top-level `duration`, in seconds (the audio's length,
///   which the last segment's end may fall short of);
/// - whisper.cpp `-oj` JSON: the latest `transcription[].offsets.to`, in milliseconds;
/// - SRT (`HH:MM:SS,mmm`) or WebVTT (`HH:MM:SS.mmm` or `MM:SS.mmm`): the latest cue end.
/// A transcript of silence (an empty `segments` or `transcription` array, an empty SRT, a WebVTT header
/// alone) is recorded with 0 minutes: the meeting was transcribed, there was nothing to hear.
/// UTF-16 with a BOM (Notepad's "Unicode") is read from a UTF-8 copy.
///
/// A transcript names no meeting body and no date: the task is the source's `task` (else the folder's
/// name), the date the first `yyyy-MM-dd` or `yyyyMMdd` in the file name (else the file's modification time).
package struct TranscriptParser: LogParser {
    package let formatID = Self.format
    static let format = "minutes-transcript"
    package let options: SourceOptions
    /// Whether run ids are the recording's name as Kouka 0.5.8 and earlier gave it (`TranscriptRecording.legacyName(of:)`):
    /// tests make such stores, to read them on as a city's upgraded one is read.
    package var legacyRecordingNames = false

    package init(options: SourceOptions) { self.options = options }

    package func parse(path: String, context: ParseContext, into sink: any ParseSink) throws -> ParseSummary {
        guard let order = try UTF16Text.byteOrder(atPath: path) else {
            return try parse(path: path, reading: path, encoding: context.encoding, context: context, into: sink)
        }
        let copy = try order.utf8Copy(of: path, display: context.displayPath)
        defer { Discard.temporary(copy) }
        return try parse(path: path, reading: copy.path, encoding: .utf8, context: context, into: sink)
    }

    /// Reads `readPath` (the file itself, or its UTF-8 copy) as the transcript at `path`.
    private func parse(path: String, reading readPath: String, encoding: TextEncoding, context: ParseContext, into sink: any ParseSink) throws -> ParseSummary {
        let lower = path.lowercased()
        let seconds: Double
        if lower.hasSuffix(".json") {
            guard let found = try jsonSeconds(readPath, encoding: encoding, context: context, sink: sink) else { return ParseSummary(recordsRead: 1) }
            seconds = found
        } else {
            var latest: Double? = nil
            var sawHeader = false, sawText = false
            var cues = 0
            try LineReader(path: readPath, encoding: encoding).forEachLine { line in
                guard let text = encoding == .shiftJIS ? TextEncoding.shiftJIS.decode(line.bytes) : TextEncoding.utf8.decode(line.bytes) else { sawText = true; return }
                if !text.allSatisfy(\.isWhitespace) { sawText = true }
                if line.number == 1 && text.hasPrefix("WEBVTT") { sawHeader = true }
                // A cue's timing line begins with its start time: spoken text that holds an arrow (`第1案 --> 99:99 に変更`) is not
                // one, and its words are never read as an end (helper-87: a 5-minute meeting counted 630 minutes).
                guard let arrow = text.range(of: "-->") else { return }
                let startText = text[..<arrow.lowerBound].trimmingSpaces()
                // A start written as a clock time (digits, colons, a decimal point or comma) makes the line a cue's timing, whose
                // times must be valid: a cue timed `00:61.000` is a broken file, not a line of speech to pass over in silence.
                guard Self.isClockLike(startText) else { return }
                let endText = text[arrow.upperBound...].trimmingSpaces().split(separator: " ").first.map(String.init) ?? ""
                guard Self.cueTime(startText) != nil, let end = Self.cueTime(endText) else {
                    throw FormatMismatch(path: context.displayPath, format: formatID, reason: """
                        line \(line.number): the cue's timing \(startText) --> \(Self.isClockLike(endText) ? endText : "(no end time)") is not two valid times \
                        (HH:MM:SS,mmm or MM:SS.mmm, minutes and seconds under 60): the transcript is damaged; write it again from the tool
                        """)
                }
                cues += 1
                latest = max(latest ?? 0, end)
            }
            if cues == 0 && !sawHeader && !(lower.hasSuffix(".srt") || lower.hasSuffix(".vtt")) {
                throw FormatMismatch(path: context.displayPath, format: formatID, reason: "no cue times (`-->`) and not Whisper JSON")
            }
            // Silence: Whisper writes an empty SRT, or a WebVTT header with no cue.
            let silent = cues == 0 && ((sawHeader && lower.hasSuffix(".vtt")) || (!sawText && lower.hasSuffix(".srt")))
            guard let found = latest ?? (silent ? 0 : nil) else {
                throw FormatMismatch(path: context.displayPath, format: formatID, reason: "no segment or cue with an end time")
            }
            seconds = found
        }
        let name = options.task ?? URL(fileURLWithPath: path).deletingLastPathComponent().lastPathComponent
        let dating = try Self.dating(of: path, display: context.displayPath, clock: context.clock)
        let event = UsageEvent(
            family: .minutes, occurredAt: dating.instant, taskName: name, department: options.department,
            outcome: .success, quantity: seconds / 60, unit: .audioMinutes, source: context.location(1))
        // Whisper writes every format of one recording by default (`--output_format all`: .json, .srt, .vtt, .tsv, .txt),
        // and a folder's glob takes them all: one recording is one run, counted once, in the file recorded first; the
        // others name it (helper-88: a 62.5-minute meeting counted 187.5 minutes).
        let recording = legacyRecordingNames ? TranscriptRecording.legacyName(of: context.displayPath) : TranscriptRecording.name(of: context.displayPath)
        return try RunCountingRead.read(context: context, sink: sink) { part, admission in
            do throws(RowProblem) {
                try admission.count(event, id: recording, idColumn: Self.recordingColumn, line: 1, clock: context.clock, into: part)
            } catch {
                part.reject(error.rejection(file: context.displayPath, line: 1))
            }
            var summary = ParseSummary(recordsRead: 1)
            if dating.byModificationTime { summary.datedByModificationTime = context.clock.localDate(of: dating.instant) }
            return summary
        }
    }

    /// Kept as 0.5.8 wrote it: a repeat's reason in the store is compared with the one a reading again gives.
    static let recordingColumn = "the recording (the file's folder and name without its extension, which each format of one transcript shares)"

    /// The audio length of a Whisper JSON transcript in seconds; nil when the file was rejected (cut off).
    private func jsonSeconds(_ path: String, encoding: TextEncoding, context: ParseContext, sink: any ParseSink) throws -> Double? {
        let segmentEnd = 0, offsetTo = 1, duration = 2
        var latest: Double? = nil, total: Double? = nil
        let end = try JSONPathReader(path: path, encoding: encoding).read([
            .init(["segments", "*", "end"]), .init(["transcription", "*", "offsets", "to"]), .init(["duration"]),
        ]) { concrete, index, json, line in
            let text = String(decoding: json, as: UTF8.self).trimmingSpacesAndNewlines()
            guard let value = DecimalText.number(text), value.isFinite, value >= 0 else {
                throw FormatMismatch(path: context.displayPath, format: formatID, reason: "line \(line): \(concrete.joined(separator: ".")) is not a number of \(index == offsetTo ? "milliseconds" : "seconds")")
            }
            switch index {
            case duration: total = value
            case segmentEnd: latest = max(latest ?? 0, value)
            default: latest = max(latest ?? 0, value / 1000)
            }
        }
        guard end.complete else {
            sink.reject(Rejection(file: context.displayPath, line: end.cutLine, reason: "the Whisper JSON is cut off"))
            return nil
        }
        // `duration` is the audio's length; segment ends only show where the last speech stopped.
        if let total { return total }
        if let latest { return latest }
        return try silenceSeconds(path, encoding: encoding, context: context)
    }

    /// 0 for a transcript whose `segments` or `transcription` array is empty; a mismatch otherwise.
    /// Only read when no end time was found, so it costs nothing on a transcript with speech.
    private func silenceSeconds(_ path: String, encoding: TextEncoding, context: ParseContext) throws -> Double {
        var arrays: [String: Bool] = [:]
        _ = try JSONPathReader(path: path, encoding: encoding).read([.init(["segments"]), .init(["transcription"])]) { concrete, _, json, _ in
            let value = try JSONSerialization.jsonObject(with: json, options: .fragmentsAllowed)
            arrays[concrete.joined(separator: "."), default: true] = (value as? [Any])?.isEmpty == true
        }
        guard !arrays.isEmpty, arrays.values.allSatisfy({ $0 }) else {
            let reason = arrays.isEmpty
                ? "no `segments` (Whisper, faster-whisper, WhisperX, OpenAI verbose_json) nor `transcription` (whisper.cpp -oj)"
                : "no segment or cue with an end time"
            throw FormatMismatch(path: context.displayPath, format: formatID, reason: reason)
        }
        return 0
    }

    /// The instant in a name Zoom gives a cloud recording's files, `GMT` + `yyyyMMdd-HHmmss` in UTC; nil for any other name.
    static func zoomStart(_ name: String) -> Date? {
        guard let range = name.range(of: "GMT") else { return nil }
        let rest = Array(name[range.upperBound...].utf8.prefix(15))
        guard rest.count == 15, rest[8] == UInt8(ascii: "-"), rest.enumerated().allSatisfy({ $0.offset == 8 || (0x30...0x39).contains($0.element) })
        else { return nil }
        let text = String(decoding: rest, as: UTF8.self)
        let iso = "\(text.prefix(4))-\(text.dropFirst(4).prefix(2))-\(text.dropFirst(6).prefix(2))T\(text.dropFirst(9).prefix(2)):\(text.dropFirst(11).prefix(2)):\(text.dropFirst(13).prefix(2))Z"
        return Timestamp(iso).map { $0.instant(in: LocalClock(zone: TimeZone(identifier: "UTC")!)) }
    }

    /// Whether `text` is written as a clock time, valid or not: digits with a colon, and only colons, digits and a decimal
    /// point or comma. Spoken words beside an arrow (`10時 --> 11時`) are not.
    static func isClockLike(_ text: String) -> Bool {
        text.contains(":") && text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ":" || $0 == "." || $0 == ",") }
    }

    /// `HH:MM:SS,mmm`, `HH:MM:SS.mmm` or `MM:SS.mmm` in seconds.
    static func cueTime(_ text: String) -> Double? {
        let parts = text.replacingOccurrences(of: ",", with: ".").split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), let last = DecimalText.number(parts.last!), last >= 0, last < 60 else { return nil }
        let whole = parts.dropLast().compactMap { Int($0) }
        // Minutes and seconds of a clock time are under 60: `99:99` is no time.
        guard whole.count == parts.count - 1, whole.allSatisfy({ $0 >= 0 }), whole.last! < 60 else { return nil }
        return whole.reduce(0) { $0 * 60 + Double($1) } * 60 + last
    }

    /// The day the meeting was held: a date in the file name, else when the file was written. A Zoom cloud recording's
    /// name gives its start in UTC (`GMT20240331-233000_Recording.transcript.vtt`: 08:30 on April 1 in Tokyo): that instant.
    static func date(of path: String, display: String, clock: LocalClock) throws(InputError) -> Date {
        try dating(of: path, display: display, clock: clock).instant
    }

    /// As `date(of:display:clock:)`, and whether the day is the file's modification time (its name holds no date).
    static func dating(of path: String, display: String, clock: LocalClock) throws(InputError) -> (instant: Date, byModificationTime: Bool) {
        let name = URL(fileURLWithPath: path).lastPathComponent
        if let gmt = zoomStart(name) { return (gmt, false) }
        if let day = FileNameDate.day(in: name) { return (clock.startOfDay(day), false) }
        // Without a date in its name, the day is when the file was written; a file whose time cannot be read
        // stops rather than land in some other fiscal year.
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw .cannotRead(path: display, reason: "its modification time cannot be read, and its name holds no date: \(error.localizedDescription)")
        }
        guard let modified = attributes[.modificationDate] as? Date else {
            throw .cannotRead(path: display, reason: "it has no modification time, and its name holds no date")
        }
        return (modified, true)
    }
}
