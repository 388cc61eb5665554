import Foundation
import Kouka
import Testing

/// Issue 14 item 5: the Whisper outputs other than openai-whisper's, written from their tools' documentation,
/// give the audio length; a transcript of silence is 0 minutes. Item 4 for transcripts: UTF-16 with a BOM.
@Suite struct WhisperVariantsTests {
    /// The audio minutes the parser records for `text` saved as `name`, with `encode` making its bytes.
    static func minutes(_ name: String, _ text: String, encode: (String) -> Data = { Data($0.utf8) }) throws -> [Double] {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write(name, encode(text))
        let sink = CollectingSink()
        _ = try TranscriptParser(options: SourceOptions(task: "会議録")).parse(path: path, context: tokyoContext(path), into: sink)
        #expect(sink.rejections.isEmpty)
        return sink.events.map(\.quantity)
    }

    /// whisper.cpp's `-oj` (`output_json`): `offsets` in milliseconds, `timestamps` as SRT text.
    static let whisperCpp = """
        {
        \t"systeminfo": "AVX = 1 | AVX2 = 1 | NEON = 0",
        \t"model": {"type": "base", "multilingual": true, "vocab": 51865, "mels": 80, "ftype": 1},
        \t"params": {"model": "models/ggml-base.bin", "language": "ja", "translate": false},
        \t"result": {"language": "ja"},
        \t"transcription": [
        \t\t{"timestamps": {"from": "00:00:00,000", "to": "00:00:07,600"}, "offsets": {"from": 0, "to": 7600}, "text": "開会します"},
        \t\t{"timestamps": {"from": "01:02:00,000", "to": "01:02:05,480"}, "offsets": {"from": 3720000, "to": 3725480}, "text": "閉会します"}
        \t]
        }
        """

    /// Zoom names a cloud recording's transcript by its start in UTC: GMT20240331-233000 is 08:30 on April 1 in Tokyo, a
    /// meeting of FY2024, not of March 31 (FY2023), as the date in the name read as a local day made it.
    @Test(arguments: [("GMT20240331-233000_Recording.transcript.vtt", "2024-03-31T23:30:00Z"),
                      ("2024-03-31_GMT_委員会.vtt", "2024-03-30T15:00:00Z")])
    func aZoomRecordingsNameGivesItsStartInUTC(name: String, start: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write(name, Data("WEBVTT\n\n1\n00:00:00.000 --> 01:00:00.000\n開会します\n".utf8))
        let sink = CollectingSink()
        _ = try TranscriptParser(options: SourceOptions(task: "会議録")).parse(path: path, context: tokyoContext(path), into: sink)
        #expect(sink.events.map { UTCTimestamp.string(from: $0.occurredAt) } == [start])
    }

    @Test func whisperCppOffsetsAreMilliseconds() throws {
        // 3,725,480 ms = 3,725.48 s = 62.0913 min (read as seconds it would be 62,091 min).
        let got = try Self.minutes("2024-06-03_本会議.wav.json", Self.whisperCpp)
        #expect(got.count == 1)
        #expect(abs((got.first ?? 0) - 3725.48 / 60) < 1e-9)
    }

    @Test func openAIVerboseJSONCountsItsDurationNotTheLastSegment() throws {
        // `duration` 1,843.5 s = 30.725 min; the last segment ends at 1,838.0 (the meeting's last 5.5 s are quiet).
        let got = try Self.minutes("20240604.json", """
            {"task": "transcribe", "language": "japanese", "duration": 1843.5, "text": "開会します。閉会します。",
             "segments": [{"id": 0, "seek": 0, "start": 0.0, "end": 4.2, "text": "開会します。", "tokens": [50364, 1], "temperature": 0.0,
                           "avg_logprob": -0.28, "compression_ratio": 1.2, "no_speech_prob": 0.01},
                          {"id": 1, "seek": 183000, "start": 1830.0, "end": 1838.0, "text": "閉会します。", "tokens": [50364, 2], "temperature": 0.0,
                           "avg_logprob": -0.31, "compression_ratio": 1.1, "no_speech_prob": 0.02}],
             "words": [{"word": "閉会", "start": 1830.0, "end": 1899.0}]}
            """)
        #expect(got.count == 1)
        #expect(abs((got.first ?? 0) - 1843.5 / 60) < 1e-9)
    }

    @Test func whisperXAndFasterWhisperCountTheLastSegmentEnd() throws {
        // WhisperX: `word_segments` (ends up to 9,999) and a nested `words[].end` do not count; 125.25 s does.
        let whisperX = try Self.minutes("20240605.json", """
            {"segments": [{"start": 0.031, "end": 61.5, "text": "開会", "speaker": "SPEAKER_00",
                           "words": [{"word": "開会", "start": 0.031, "end": 9999.0, "score": 0.91}]},
                          {"start": 61.5, "end": 125.25, "text": "閉会", "speaker": "SPEAKER_01", "words": []}],
             "word_segments": [{"word": "閉会", "start": 61.5, "end": 9999.0, "score": 0.88}], "language": "ja"}
            """)
        // faster-whisper segments dumped with their TranscriptionInfo: `info.duration` is nested, not the top level's.
        let faster = try Self.minutes("20240606.json", """
            {"segments": [{"id": 1, "seek": 0, "start": 0.0, "end": 3.5, "text": "開会", "tokens": [1], "avg_logprob": -0.2,
                           "compression_ratio": 1.0, "no_speech_prob": 0.01, "words": null, "temperature": 0.0},
                          {"id": 2, "seek": 300, "start": 3.5, "end": 599.0, "text": "閉会", "tokens": [2], "avg_logprob": -0.2,
                           "compression_ratio": 1.0, "no_speech_prob": 0.01, "words": null, "temperature": 0.0}],
             "info": {"language": "ja", "language_probability": 0.98, "duration": 600.0, "duration_after_vad": 420.0}}
            """)
        #expect(whisperX.count == 1 && abs((whisperX.first ?? 0) - 125.25 / 60) < 1e-9)
        #expect(faster.count == 1 && abs((faster.first ?? 0) - 599.0 / 60) < 1e-9)
    }

    @Test(arguments: [
        ("20240607.json", #"{"text": "", "segments": [], "language": "ja"}"#),
        ("20240607.wav.json", #"{"result": {"language": "ja"}, "transcription": []}"#),
        ("20240607.srt", ""),
        ("20240607.srt", "\r\n"),
        ("20240607.vtt", "WEBVTT\n\n"),
    ])
    func silenceIsZeroMinutes(_ name: String, _ text: String) throws {
        #expect(try Self.minutes(name, text) == [0])
    }

    @Test(arguments: [
        (#"{"language": "ja", "text": "x"}"#, "nor `transcription`"),
        (#"{"segments": [{"start": 0.0, "text": "x"}]}"#, "no segment or cue with an end time"),
        (#"{"segments": [{"start": 0.0, "end": "1:00", "text": "x"}]}"#, "segments.0.end is not a number of seconds"),
        (#"{"transcription": [{"offsets": {"from": 0, "to": -5}}]}"#, "transcription.0.offsets.to is not a number of milliseconds"),
    ])
    func aJSONWithoutAnAudioLengthIsNotATranscript(_ text: String, _ reason: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("20240608.json", Data(text.utf8))
        #expect {
            try TranscriptParser(options: SourceOptions(task: "x")).parse(path: path, context: tokyoContext(path), into: CollectingSink())
        } throws: { ($0 as? FormatMismatch)?.reason.contains(reason) == true }
    }

    /// Notepad's "Unicode" is UTF-16LE with a BOM; "Unicode big endian" UTF-16BE.
    static func utf16(_ text: String, bigEndian: Bool) -> Data {
        (bigEndian ? Data([0xFE, 0xFF]) : Data([0xFF, 0xFE])) + text.data(using: bigEndian ? .utf16BigEndian : .utf16LittleEndian)!
    }

    @Test(arguments: [false, true])
    func utf16TranscriptsWithABOMRead(_ bigEndian: Bool) throws {
        let srt = try Self.minutes("20240520.srt", "1\r\n00:00:01,000 --> 00:59:30,500\r\nこんにちは\r\n\r\n2\r\n00:59:31,000 --> 01:02:03,000\r\nさようなら\r\n") {
            Self.utf16($0, bigEndian: bigEndian)
        }
        let json = try Self.minutes("20240520.wav.json", Self.whisperCpp) { Self.utf16($0, bigEndian: bigEndian) }
        #expect(srt.count == 1 && abs((srt.first ?? 0) - 3723.0 / 60) < 1e-9)
        #expect(json.count == 1 && abs((json.first ?? 0) - 3725.48 / 60) < 1e-9)
    }

    @Test func aDamagedUTF16TranscriptSaysItsEncoding() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        // An odd number of bytes after the BOM: cut in the middle of a character.
        let path = try dir.write("20240520.srt", Self.utf16("00:00:01,000 --> 00:00:02,000\n", bigEndian: false) + Data([0x41]))
        #expect {
            try TranscriptParser(options: SourceOptions(task: "x")).parse(path: path, context: tokyoContext(path), into: CollectingSink())
        } throws: { "\($0)".contains("UTF-16LE text that does not decode") }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: realWorldWhisper), "../shared/realworld/whisper is absent"),
          arguments: ["bonjour_vous_allez_bien.mp3.words.json", "radio_short.mp3.srt", "radio_short.mp3.vtt"])
    func realWhisperOutputSavedAsUTF16ReadsTheSame(_ name: String) throws {
        let original = (realWorldWhisper as NSString).appendingPathComponent(name)
        let text = try String(contentsOfFile: original, encoding: .utf8)
        let sink = CollectingSink()
        _ = try TranscriptParser(options: SourceOptions(task: "x")).parse(path: original, context: tokyoContext(original), into: sink)
        let utf16 = try Self.minutes(name, text) { Self.utf16($0, bigEndian: false) }
        #expect(sink.events.count == 1)
        #expect(utf16 == sink.events.map(\.quantity))
    }
}
