import Foundation
import Kouka
import Testing

let realWorldWhisper = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/realworld/whisper").path

@Suite struct MinutesParserTests {
    @Test(arguments: FileVariant.allCases)
    func aSessionLogInEveryEncoding(_ variant: FileVariant) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("s.csv", variant.encode([
            "会議名,所管課,開催日時,音声秒数,編集時間（分）",
            "総務常任委員会,議会事務局,2024-06-03 10:00,7200,95",
            "本会議,議会事務局,2024-06-10 10:00,5400,",
            "本会議,議会事務局,2024-06-11 10:00,長い,",
        ]))
        let options = SourceOptions(columns: ["meeting": "会議名", "department": "所管課", "time": "開催日時",
                                              "audio_seconds": "音声秒数", "editing_minutes": "編集時間（分）"])
        let sink = CollectingSink()
        _ = try MinutesSessionCSVParser(options: options).parse(path: path, context: tokyoContext(path), into: sink)
        #expect(sink.events.map(\.quantity) == [120, 90])
        #expect(sink.events.map(\.unit) == [.audioMinutes, .audioMinutes])
        #expect(sink.events.map(\.humanSeconds) == [95 * 60, nil])
        #expect(sink.rejectedLines == [4])
        #expect(sink.rejections.first?.reason.contains("長い") == false, "values are withheld from reasons")
    }

    @Test func transcriptsGiveTheirAudioLengthAndTheirFileNamesDate() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let json = try dir.write("2024-05-13_庁議.json", Data("""
            {"text": "秘密の発言", "segments": [{"id": 0, "start": 0.0, "end": 61.5, "text": "秘密の発言",
              "words": [{"word": "秘密", "start": 0.0, "end": 9999.0}]}, {"id": 1, "start": 61.5, "end": 125.25, "text": "x"}], "language": "ja"}
            """.utf8))
        let srt = try dir.write("20240520_庁議.srt", Data("1\r\n00:00:01,000 --> 00:59:30,500\r\nこんにちは\r\n\r\n2\r\n00:59:31,000 --> 01:02:03,000\r\nさようなら\r\n".utf8))
        let vtt = try dir.write("2024-05-27.vtt", Data("WEBVTT\n\n00:30.800 --> 00:35.600\nこんにちは\n\n01:03.960 --> 02:00.600\nさようなら\n".utf8))
        let parser = TranscriptParser(options: SourceOptions(task: "庁議", department: "総務課"))
        var lengths: [Double] = []
        for path in [json, srt, vtt] {
            let sink = CollectingSink()
            _ = try parser.parse(path: path, context: tokyoContext(path), into: sink)
            #expect(sink.events.count == 1)
            #expect(sink.events.first?.taskName == "庁議")
            #expect(sink.events.first?.department == "総務課")
            lengths.append(sink.events.first?.quantity ?? 0)
        }
        // Whisper: the last segment's end (word times do not count); SRT: 1:02:03; VTT without hours: 2:00.6.
        #expect(abs(lengths[0] - 125.25 / 60) < 1e-9)
        #expect(abs(lengths[1] - 3723.0 / 60) < 1e-9)
        #expect(abs(lengths[2] - 120.6 / 60) < 1e-9)
        let sink = CollectingSink()
        _ = try parser.parse(path: srt, context: tokyoContext(srt), into: sink)
        #expect(LocalClock.tokyo.localDate(of: sink.events[0].occurredAt) == LocalDate(year: 2024, month: 5, day: 20))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: realWorldWhisper), "../shared/realworld/whisper is absent"),
          arguments: ["bonjour_vous_allez_bien.mp3.words.json", "radio_short.mp3.srt", "radio_short.mp3.vtt"])
    func realWhisperOutputParses(_ name: String) throws {
        let path = (realWorldWhisper as NSString).appendingPathComponent(name)
        let sink = CollectingSink()
        _ = try TranscriptParser(options: SourceOptions(task: "x")).parse(path: path, context: tokyoContext(path), into: sink)
        #expect(sink.rejections.isEmpty)
        // Read independently: the last "end" of a segment, or the last cue's end.
        let expected: Double
        if name.hasSuffix(".json") {
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
            let segments = object?["segments"] as? [[String: Any]] ?? []
            expected = (segments.last?["end"] as? Double ?? -1) / 60
        } else {
            expected = 120.6 / 60   // both subtitle files end at 00:02:00.600
        }
        #expect(abs((sink.events.first?.quantity ?? 0) - expected) < 1e-9)
    }
}
