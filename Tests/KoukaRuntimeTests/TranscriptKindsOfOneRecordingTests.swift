import Foundation
@testable import Kouka
import Testing

/// The files tools write of one recording are one meeting: whisper-timestamped's `X.mp3.srt` and `X.mp3.words.srt`,
/// openai-whisper's `X.srt` of the same `X.mp3`, Zoom's `.transcript.vtt` and `.cc.vtt` (helper-109 #1: 3.00 h shown
/// 6.00 h, every job exit 0). A store an earlier Kouka filled under the old names is read on without counting twice.
@Suite struct TranscriptKindsOfOneRecordingTests {
    static let catalog = """
        task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,rework_minutes_per_failure,valid_from,match
        M1,庁議録,総務課,minutes,audio-minutes,4,1,0,2020-04-01,庁議

        """
    static let source = "[[source]]\nformat = \"minutes-transcript\"\npath = \"tr/庁議/*\"\ntask = \"庁議\"\n"
    /// 60 minutes: 60 × (4 − 1) / 60 = 3.00 h.
    static let srt = "1\n00:00:00,000 --> 00:30:00,000\n開会\n\n2\n00:30:00,000 --> 01:00:00,000\n閉会\n"
    static let wordsSRT = "1\n00:00:00,000 --> 00:00:01,000\n開会\n\n2\n00:59:59,000 --> 01:00:00,000\n閉会\n"
    static let vtt = "WEBVTT\n\n00:00:01.000 --> 00:45:00.000\n開会\n\n00:45:00.000 --> 00:59:58.000\n閉会\n"

    func hours(_ city: TemporaryCity) throws -> Double {
        try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2024), logger: .silent).build().hoursSaved.total
    }

    /// The nightly run as Kouka 0.5.8 read: run ids by the name without its last extension only.
    func legacyNightly(_ city: TemporaryCity) throws -> NightlySummary {
        var configuration = try Configuration.load(path: city.configPath)
        var parser = TranscriptParser(options: configuration.sources[0].options)
        parser.legacyRecordingNames = true
        configuration.sources[0].parser = parser
        return try NightlyJob(configuration: configuration, logger: .silent, options: NightlyOptions(today: LocalDate(year: 2026, month: 11, day: 27))).run()
    }

    func verifyDifferences(_ city: TemporaryCity) throws -> [VerifySummary.Difference] {
        try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run().differences
    }

    @Test func theNamesToolsGiveOneRecordingAreOneName() {
        let one = ["庁議/2024-05-13_庁議.srt", "庁議/2024-05-13_庁議.mp3.srt", "庁議/2024-05-13_庁議.mp3.words.json", "庁議/2024-05-13_庁議.MP3.words.vtt",
                   "庁議/2024-05-13_庁議.wav.tsv", "庁議/2024-05-13_庁議.mpg.srt", "庁議/2024-05-13_庁議.MTS.vtt", "庁議/2024-05-13_庁議.m4v.json"]
        #expect(Set(one.map(TranscriptRecording.name(of:))) == ["庁議/2024-05-13_庁議"])
        #expect(TranscriptRecording.name(of: "z/GMT20240513-010000_Recording.transcript.vtt") == TranscriptRecording.name(of: "z/GMT20240513-010000_Recording.cc.vtt"))
        // Not the folder's dots, not a name that would be left empty, not a word that only looks like a suffix.
        #expect(TranscriptRecording.name(of: "v1.mp3/meeting.srt") == "v1.mp3/meeting")
        #expect(TranscriptRecording.name(of: "a/.mp3.srt") == "a/.mp3")
        #expect(TranscriptRecording.name(of: "a/2024.05.13 会議.srt") == "a/2024.05.13 会議")
        #expect(TranscriptRecording.legacyName(of: "a/x.mp3.words.srt") == "a/x.mp3.words")
        // Buzz's exports, each named by the moment it was written (helper-137); a name of the meeting's own in brackets stays.
        let buzz = ["庁議/2024-05-13_庁議 (transcribed on 13-May-2024 15-00-00).srt", "庁議/2024-05-13_庁議 (transcribed on 13-May-2024 15-00-01).vtt",
                    "庁議/2024-05-13_庁議.mp3 (translated on 02-Jun-2024 10-00-00).srt"]
        #expect(Set(buzz.map(TranscriptRecording.name(of:))) == ["庁議/2024-05-13_庁議"])
        #expect(TranscriptRecording.name(of: "庁議/2024-05-13_庁議 (第2回).srt") == "庁議/2024-05-13_庁議 (第2回)")
        #expect(TranscriptRecording.name(of: "庁議/x (transcribed on 2024-05-13).srt") == "庁議/x (transcribed on 2024-05-13)")
    }

    @Test(arguments: [["2024-05-13_庁議.mp3.srt", "2024-05-13_庁議.mp3.words.srt"], ["2024-05-13_庁議.srt", "2024-05-13_庁議.mp3.srt"],
                      ["GMT20240513-010000_Recording.transcript.vtt", "GMT20240513-010000_Recording.cc.vtt"],
                      ["2024-05-13_庁議 (transcribed on 13-May-2024 15-00-00).srt", "2024-05-13_庁議 (transcribed on 02-Jun-2024 10-00-00).vtt"]])
    func twoKindsOfOneRecordingAreOneMeeting(names: [String]) throws {
        let city = try TemporaryCity(catalog: Self.catalog, sources: Self.source)
        defer { city.remove() }
        // Other bytes each (a copy of the same bytes is another rule): the second with the words' own cues, or captions' text.
        try city.write("tr/庁議/\(names[0])", names[0].hasSuffix(".vtt") ? Self.vtt : Self.srt)
        try city.write("tr/庁議/\(names[1])", names[1].hasSuffix(".vtt") ? Self.vtt.replacingOccurrences(of: "開会", with: "字幕") : Self.wordsSRT)
        let night = try city.nightly()
        #expect(night.rowsAccepted == 1)
        #expect(night.rowsRepeated == 1)
        // 59:58 of captions: 59.97 minutes × 3 / 60 = 2.998 h.
        #expect(try hours(city) == 3.0)
        #expect(try verifyDifferences(city).isEmpty)
    }

    /// A store 0.5.8 filled counts the meeting twice: it is refused until the nightly run reads the transcripts again,
    /// which then count it once, the lost count named.
    @Test func aStoreCountingUnderTheOldNamesIsReadAgain() throws {
        let city = try TemporaryCity(catalog: Self.catalog, sources: Self.source)
        defer { city.remove() }
        try city.write("tr/庁議/2024-05-13_庁議.mp3.srt", Self.srt)
        try city.write("tr/庁議/2024-05-13_庁議.mp3.words.srt", Self.wordsSRT)
        #expect(try legacyNightly(city).rowsAccepted == 2)
        #expect(throws: ConfigurationError.self) { try hours(city) }
        #expect(throws: ConfigurationError.self) { try verifyDifferences(city) }
        let night = try city.nightly()
        #expect(night.filesLosingRuns.map(\.path) == ["tr/庁議/2024-05-13_庁議.mp3.words.srt"])
        #expect(night.filesLosingRuns.first?.reason.contains("under the name an earlier Kouka gave it") == true, "\(night.filesLosingRuns)")
        #expect(try hours(city) == 3.0)
        #expect(try verifyDifferences(city).isEmpty)
        // Read for its name once: the next night has nothing to read.
        #expect(try city.nightly().filesRead == 0)
    }

    /// One transcript alone under the old name keeps its meeting under the new one, with no loss to name.
    @Test func aLoneTranscriptUnderTheOldNameKeepsItsMeeting() throws {
        let city = try TemporaryCity(catalog: Self.catalog, sources: Self.source)
        defer { city.remove() }
        try city.write("tr/庁議/2024-05-13_庁議.mp3.srt", Self.srt)
        _ = try legacyNightly(city)
        let night = try city.nightly()
        #expect(night.filesRead == 1)
        #expect(night.filesLosingRuns.isEmpty)
        #expect(night.exitCode == .done)
        #expect(try hours(city) == 3.0)
        // openai-whisper's .srt of the same audio (its own cues), arriving later, is the same meeting.
        try city.write("tr/庁議/2024-05-13_庁議.srt", Self.wordsSRT)
        #expect(try city.nightly().rowsRepeated == 1)
        #expect(try hours(city) == 3.0)
        #expect(try verifyDifferences(city).isEmpty)
    }

    /// The transcript that counted the meeting under the old name deleted (retention): a kind of it read under the new name
    /// leaves the meeting to it, in the store and in verification's reading again.
    @Test func aDeletedTranscriptUnderTheOldNameKeepsTheMeeting() throws {
        let city = try TemporaryCity(catalog: Self.catalog, sources: Self.source)
        defer { city.remove() }
        try city.write("tr/庁議/2024-05-13_庁議.mp3.json", #"{"text": "x", "segments": [{"id": 0, "start": 0.0, "end": 3600.0, "text": "x"}]}"#)
        try city.write("tr/庁議/2024-05-13_庁議.mp3.srt", Self.srt)
        let legacy = try legacyNightly(city)
        #expect(legacy.rowsAccepted == 1)
        #expect(legacy.rowsRepeated == 1)
        try city.delete("tr/庁議/2024-05-13_庁議.mp3.json")
        _ = try legacyNightly(city)
        #expect(try hours(city) == 3.0)
        // The new name of the .srt's recording is that of the deleted .json: the .srt stays a repeat.
        let night = try city.nightly()
        #expect(night.rowsAccepted == 0)
        #expect(try hours(city) == 3.0)
        #expect(try verifyDifferences(city).isEmpty)
        // openai-whisper's .srt (the name the new rule gives) arriving later is the same meeting too.
        try city.write("tr/庁議/2024-05-13_庁議.srt", Self.wordsSRT)
        _ = try city.nightly()
        #expect(try hours(city) == 3.0)
        #expect(try verifyDifferences(city).isEmpty)
    }

    /// helper-111 #2: 0.5.8 counted the meeting twice (`X.mp3.srt`, `X.mp3.words.srt`) and retention deleted both before the
    /// upgrade: neither can be read again. The store is refused until the nightly run has the one recorded second give the
    /// meeting up; with openai-whisper's `X.srt` kept beside them, that one is read again and left out too.
    @Test(arguments: [false, true])
    func deletedKindsCountingOneRecordingKeepItOnce(keepingOne: Bool) throws {
        let city = try TemporaryCity(catalog: Self.catalog, sources: Self.source)
        defer { city.remove() }
        try city.write("tr/庁議/2024-05-13_庁議.mp3.srt", Self.srt)
        try city.write("tr/庁議/2024-05-13_庁議.mp3.words.srt", Self.wordsSRT)
        if keepingOne { try city.write("tr/庁議/2024-05-13_庁議.srt", Self.vtt.replacingOccurrences(of: "WEBVTT\n\n", with: "")) }
        // Another meeting, present all along: 3.00 h more.
        try city.write("tr/庁議/2024-06-10_庁議.srt", Self.srt.replacingOccurrences(of: "開会", with: "再開"))
        _ = try legacyNightly(city)
        try city.delete("tr/庁議/2024-05-13_庁議.mp3.srt")
        try city.delete("tr/庁議/2024-05-13_庁議.mp3.words.srt")
        _ = try legacyNightly(city)
        #expect(throws: ConfigurationError.self) { try hours(city) }
        let night = try city.nightly()
        #expect(night.runsGivenUp.map(\.path) == ["tr/庁議/2024-05-13_庁議.mp3.words.srt"])
        #expect(try hours(city) == 6.0)
        #expect(try verifyDifferences(city).isEmpty)
        #expect(try city.nightly().runsGivenUp.isEmpty)
        #expect(try hours(city) == 6.0)
    }

    /// Two meetings a week apart whose undated names differ only by the audio's extension (`会議.mp3.srt` on 5/13,
    /// `会議.wav.srt` on 5/20) are two meetings: a transcript dated by its file's time is compared with the transcripts of
    /// its own days only (helper-114 #2: comparing it with every transcript merged them, and moved meetings between years).
    @Test func undatedMeetingsOnDifferentDaysAreTwo() throws {
        let city = try TemporaryCity(catalog: Self.catalog, sources: Self.source)
        defer { city.remove() }
        try city.write("tr/庁議/会議.mp3.srt", Self.srt)
        try city.write("tr/庁議/会議.wav.srt", Self.wordsSRT)
        let clock = LocalClock(zone: TimeZone(identifier: "Asia/Tokyo")!)
        for (name, day) in [("会議.mp3.srt", 13), ("会議.wav.srt", 20)] {
            try FileManager.default.setAttributes([.modificationDate: clock.instant(of: LocalDate(year: 2024, month: 5, day: day), hour: 18, minute: 0, second: 0)],
                                                  ofItemAtPath: city.root.appendingPathComponent("tr/庁議/\(name)").path)
        }
        let night = try city.nightly()
        #expect(night.rowsAccepted == 2)
        #expect(try hours(city) == 6.0)
        #expect(try verifyDifferences(city).isEmpty)
    }

    /// helper-113 #3: the upgrade night run with `--since` (as jobs.md's upgrade notes ask) reads every transcript whole:
    /// one that keeps its meeting under the recording's new name is no loss to name.
    @Test func theUpgradeNightWithSinceNamesNoLoss() throws {
        let city = try TemporaryCity(catalog: Self.catalog, sources: Self.source)
        defer { city.remove() }
        try city.write("tr/庁議/2024-05-13_庁議.mp3.srt", Self.srt)
        _ = try legacyNightly(city)
        var options = NightlyOptions(today: LocalDate(year: 2026, month: 11, day: 27))
        options.since = LocalDate(year: 2024, month: 4, day: 1)
        let night = try NightlyJob(configuration: Configuration.load(path: city.configPath), logger: .silent, options: options).run()
        #expect(night.filesLosingRuns.isEmpty, "\(night.filesLosingRuns)")
        #expect(night.exitCode == .done)
        #expect(try hours(city) == 3.0)
    }
}
