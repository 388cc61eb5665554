import Foundation
import Testing

/// Issue 14 items 4 and 5, through the built jobs: whisper.cpp `-oj`, OpenAI `verbose_json`, a UTF-16LE SRT
/// (Notepad's "Unicode"), a transcript of silence and a session list saved as Excel's "Unicode テキスト"
/// (UTF-16LE, tab-separated) are all counted, by hand; a UTF-16 WinActor export cut inside a character is
/// reported as damaged UTF-16 at its byte, not as bad rows.
@Suite(.serialized) struct WhisperVariantsJobTests {
    static let catalog = """
        task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match
        M1,会議録,総務課,minutes,audio-minutes,4,1,2020-04-01,*

        """

    static let transcripts = """
        catalog = "catalog.csv"
        output = "reports"
        [[source]]
        format = "minutes-transcript"
        path = "logs/transcripts/*"
        task = "会議録"

        """

    static let configuration = transcripts + """
        [[source]]
        format = "minutes-session-csv"
        path = "logs/sessions.csv"
        [source.columns]
        meeting = "会議名"
        time = "開催日時"
        audio_seconds = "音声秒数"
        [[source]]
        format = "winactor-task-csv"
        path = "logs/winactor/*.csv"
        """

    static func utf16LE(_ text: String) -> Data { Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)! }

    /// Whisper's command line writes every format of one recording by default (`--output_format all`), and a folder's glob
    /// takes them all: the meeting is counted once, from the file recorded first, and the others are named as the same run
    /// (helper-88's whisper-all-formats-counted-thrice.sh: 62.5 audio minutes counted as 187.5). Another recording in the
    /// folder counts on its own.
    @Test func everyFormatOfOneRecordingCountsItOnce() throws {
        let city = try SmallCity("whisper-all-formats")
        defer { city.remove() }
        try city.write("catalog.csv", Self.catalog)
        try city.write("kouka.toml", Self.transcripts)
        let stem = "logs/transcripts/2024-05-13_庁議"
        try city.write("\(stem).json", #"{"text": "開会", "segments": [{"id": 0, "start": 0.0, "end": 4.2, "text": "開会"}, {"id": 1, "start": 3745.0, "end": 3750.0, "text": "閉会"}], "language": "ja"}"#)
        try city.write("\(stem).srt", "1\n00:00:00,000 --> 00:00:04,200\n開会\n\n2\n01:02:25,000 --> 01:02:30,000\n閉会\n\n")
        try city.write("\(stem).vtt", "WEBVTT\n\n00:00.000 --> 00:04.200\n開会\n\n01:02:25.000 --> 01:02:30.000\n閉会\n\n")
        try city.write("logs/transcripts/2024-05-20_庁議.srt", "1\n00:00:00,000 --> 00:30:00,000\n開会\n\n")
        let run = try city.nightly()
        let summary = try run.summary()
        #expect(summary["rowsRepeated"] as? Int == 2, "\(run.stdout)")
        let (code, json) = try city.report(2024)
        #expect(code == 0)
        let line = SmallCity.tasks(json)["M1"]
        // 62.5 + 30 audio minutes × (4 − 1) min per minute = 277.5 min = 4.63 h (4.625 rounded half away from zero).
        #expect(line?["successes"] as? Int == 2)
        #expect(abs((line?["units"] as? Double ?? 0) - 92.5) < 1e-9)
        #expect(line?["hoursSaved"] as? Double == 4.63)
        let sources = json["sources"] as? [[String: Any]] ?? []
        #expect(sources.filter { ($0["path"] as? String)?.hasPrefix(stem) == true }.map { $0["repeated"] as? Int } == [0, 1, 1], "\(sources)")
        #expect(try JobProcess.run("kouka-audit", ["verify", "--config", city.config]).exitCode == 0)
    }

    @Test func everyWhisperShapeCountsItsAudioLengthAndUTF16IsNamed() throws {
        let city = try SmallCity("whisper-variants")
        defer { city.remove() }
        try city.write("catalog.csv", Self.catalog)
        try city.write("kouka.toml", Self.configuration)
        try city.write("logs/transcripts/2024-06-03_本会議.wav.json", """
            {"result": {"language": "ja"}, "transcription": [
              {"timestamps": {"from": "00:00:00,000", "to": "00:00:07,600"}, "offsets": {"from": 0, "to": 7600}, "text": "開会"},
              {"timestamps": {"from": "01:02:00,000", "to": "01:02:05,480"}, "offsets": {"from": 3720000, "to": 3725480}, "text": "閉会"}]}
            """)
        try city.write("logs/transcripts/2024-06-04_委員会.json", """
            {"task": "transcribe", "language": "japanese", "duration": 1843.5, "text": "開会",
             "segments": [{"id": 0, "seek": 0, "start": 0.0, "end": 1838.0, "text": "開会"}]}
            """)
        try city.write("logs/transcripts/2024-06-06_休会.json", #"{"text": "", "segments": [], "language": "ja"}"#)
        let srt = "1\r\n00:00:01,000 --> 00:59:30,500\r\n開会\r\n\r\n2\r\n00:59:31,000 --> 01:02:03,000\r\n閉会\r\n"
        try Self.utf16LE(srt).write(to: city.root.appendingPathComponent("logs/transcripts/2024-06-05_本会議.srt"))
        // A comma inside a tab-separated field is text, not a column break.
        try Self.utf16LE("会議名\t開催日時\t音声秒数\r\n本会議,臨時会\t2024-06-10 10:00\t5400\r\n")
            .write(to: city.root.appendingPathComponent("logs/sessions.csv"))
        try FileManager.default.createDirectory(at: city.root.appendingPathComponent("logs/winactor"), withIntermediateDirectories: true)
        // WinActor's export reads UTF-16 too; this one is cut one byte into a character.
        let tasks = Self.utf16LE("タスクID,シナリオ名,状態,開始日時\r\n1,a,FINISH,2024/06/10 09:00:00\r\n") + Data([0x41])
        try tasks.write(to: city.root.appendingPathComponent("logs/winactor/tasks.csv"))

        let run = try city.nightly()
        #expect(run.exitCode == 1, "the damaged UTF-16 WinActor export is a finding: \(run.stdout)")
        let summary = try run.summary()
        let unreadable = summary["filesUnreadable"] as? [[String: Any]] ?? []
        #expect(unreadable.map { $0["path"] as? String } == ["logs/winactor/tasks.csv"])
        let reason = unreadable.first?["reason"] as? String ?? ""
        #expect(reason.contains("UTF-16LE text that does not decode at byte \(tasks.count - 1)"), "\(reason)")
        #expect(!reason.contains("header"), "the encoding is named, not the content")

        let (code, json) = try city.report(2024)
        #expect(code == 0)
        let line = SmallCity.tasks(json)["M1"]
        // 3,725.48 s (whisper.cpp ms) + 1,843.5 s (verbose_json duration) + 3,723 s (UTF-16 SRT) + 0 s (silence)
        // + 5,400 s (the "Unicode テキスト" session list) = 14,691.98 s = 244.87 audio minutes;
        // × (4 − 1) min per minute = 734.6 min = 12.24 h.
        #expect(line?["successes"] as? Int == 5, "the silent meeting is recorded too")
        #expect(abs((line?["units"] as? Double ?? 0) - 14691.98 / 60) < 0.01)
        #expect(line?["hoursSaved"] as? Double == 12.24)
    }
}
