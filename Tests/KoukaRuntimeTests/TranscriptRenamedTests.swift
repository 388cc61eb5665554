import Foundation
@testable import Kouka
import Testing

/// A transcript's recording is its path without the extension (`TranscriptRecording.name(of:)`). Moved with its folder (its
/// own change time untouched), it is read again for the id its new path gives, so that a format of it arriving after the move
/// is not a second meeting; renamed in its folder, it counts under its new name the recording it counted, which is no loss
/// to name (helper-104 #1, #2).
@Suite struct TranscriptRenamedTests {
    static let catalog = """
        task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,rework_minutes_per_failure,valid_from,match
        M01,庁議の会議録,総務課,minutes,audio-minutes,4,1,0,2020-04-01,庁議

        """

    static let json = #"{"text": "秘密", "segments": [{"id": 0, "start": 0.0, "end": 600.0, "text": "秘密"}]}"#
    static let srt = "1\n00:00:00,000 --> 00:10:00,000\n秘密\n"

    func hours(_ city: TemporaryCity) throws -> Double {
        try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2024), logger: .silent).build().hoursSaved.total
    }

    @Test func aTranscriptsFolderMovedAboveTheMeetingsIsTheSameRecordings() throws {
        let city = try TemporaryCity(catalog: Self.catalog, sources: "[[source]]\nformat = \"minutes-transcript\"\npath = \"*/transcripts/庁議/*\"\n")
        defer { city.remove() }
        try city.write("old/transcripts/庁議/2024-05-01_庁議.json", Self.json)
        _ = try city.nightly()
        // 10 audio minutes × (4 − 1) = 30 min.
        #expect(try hours(city) == 0.5)
        try FileManager.default.moveItem(at: city.root.appendingPathComponent("old"), to: city.root.appendingPathComponent("new"))
        #expect(try city.nightly().filesRenamed.count == 1)
        // Whisper's .srt of the same meeting copied in after the move: one meeting, as before the move.
        try city.write("new/transcripts/庁議/2024-05-01_庁議.srt", Self.srt)
        let night = try city.nightly()
        #expect(night.rowsRepeated == 1)
        #expect(try hours(city) == 0.5)
    }

    @Test func aTranscriptRenamedInItsFolderLosesNothing() throws {
        let city = try TemporaryCity(catalog: Self.catalog, sources: "[[source]]\nformat = \"minutes-transcript\"\npath = \"transcripts/庁議/*\"\n")
        defer { city.remove() }
        try city.write("transcripts/庁議/2024-05-01_庁議.json", Self.json)
        _ = try city.nightly()
        try FileManager.default.moveItem(at: city.root.appendingPathComponent("transcripts/庁議/2024-05-01_庁議.json"),
                                         to: city.root.appendingPathComponent("transcripts/庁議/2024-05-01_庁議_final.json"))
        let night = try city.nightly()
        #expect(night.filesRenamed.count == 1)
        #expect(night.filesLosingRuns.isEmpty, "\(night.filesLosingRuns)")
        #expect(night.exitCode == .done)
        #expect(try hours(city) == 0.5)
    }

    /// helper-106 #4: renamed and emptied the same night, the transcript counts no meeting: its loss is named.
    @Test func aTranscriptRenamedAndEmptiedIsALoss() throws {
        let city = try TemporaryCity(catalog: Self.catalog, sources: "[[source]]\nformat = \"minutes-transcript\"\npath = \"transcripts/庁議/*\"\n")
        defer { city.remove() }
        try city.write("transcripts/庁議/2024-05-01_庁議.json", Self.json)
        _ = try city.nightly()
        let renamed = city.root.appendingPathComponent("transcripts/庁議/2024-05-01_庁議_final.json")
        try FileManager.default.moveItem(at: city.root.appendingPathComponent("transcripts/庁議/2024-05-01_庁議.json"), to: renamed)
        let handle = try FileHandle(forWritingTo: renamed)
        try handle.truncate(atOffset: 0)
        try handle.close()
        let night = try city.nightly()
        #expect(night.filesLosingRuns.map(\.path) == ["transcripts/庁議/2024-05-01_庁議_final.json"], "\(night.filesLosingRuns)")
    }
}
