import Foundation
@testable import Kouka
import Testing

/// `FileNameDate`: the day a transcript's or a DeepL snapshot's file name gives (helper-88: `usage_2024-7-19.json` read as
/// July 1, `2025年3月24日_庁議.srt` dated by when it was copied).
struct FileNameDateTests {
    @Test(arguments: [
        ("2024-05-13_庁議.srt", "2024-05-13"),
        ("usage_2024-7-19.json", "2024-07-19"),
        ("2025-3-25_庁議.srt", "2025-03-25"),
        ("rec_2024_7_9.vtt", "2024-07-09"),
        ("2025年3月24日_庁議.srt", "2025-03-24"),
        ("２０２５年３月２４日_庁議.vtt", "2025-03-24"),
        ("令和7年3月24日_庁議.srt", "2025-03-24"),
        ("令和元年5月1日_委員会.json", "2019-05-01"),
        // helper-103 #4: a city's recordings of April 2019 and before are named in 平成.
        ("平成31年4月30日_庁議.srt", "2019-04-30"),
        ("平成元年記念_平成30年12月3日_議会.vtt", "2018-12-03"),
        ("平成１２年４月１日.srt", "2000-04-01"),
        // helper-137: dotted dates and eras by their initial, as offices write them; the first date of the name is the day.
        ("2025.03.27_庁議_20250402作成.srt", "2025-03-27"),
        ("R7.3.28庁議.srt", "2025-03-28"),
        ("庁議_r07.03.28.vtt", "2025-03-28"),
        ("H31.4.30_庁議.srt", "2019-04-30"),
        ("令和7.3.24_庁議.srt", "2025-03-24"),
        // An era by its initial yields to a date written otherwise in the name: R2.1.3 is here a version (helper-138).
        ("庁議_R2.1.3版_2026-11-16.srt", "2026-11-16"),
        ("R7.3.28_庁議_20250402_1015.vtt", "2025-03-28"),
        // The version's form is the day where the name holds no other (helper-143).
        ("議事録_R7.3.28版.srt", "2025-03-28"),
        ("meeting_20240513.srt", "2024-05-13"),
        ("202405131030_会議.srt", "2024-05-13"),
        ("20240513103000.json", "2024-05-13"),
        ("第2回_2024-06-03_本会議.wav.json", "2024-06-03"),
    ])
    func aNameGivesItsDay(name: String, day: String) {
        #expect(FileNameDate.day(in: name) == LocalDate(day), "\(name)")
    }

    @Test(arguments: [
        "庁議.srt", "1999-12-31_会議.srt", "2024-13-01.srt", "2024-02-30.srt", "2024-7-190.srt", "12024-05-13.srt",
        "2024051.srt", "v2024.05.13.srt", "2024-05_13.srt", "2025年3月.srt", "R7.5.1.srt".replacingOccurrences(of: "R7", with: "HR7"),
        "H31.5.1_庁議.srt", "R1.4.30.srt", "2025.03-27.srt",
        // Days outside their era, and a 平成 year before 2000.
        "平成31年5月1日_庁議.srt", "令和元年4月30日_庁議.srt", "平成11年4月1日.srt",
    ])
    func aNameWithoutADayGivesNone(name: String) {
        #expect(FileNameDate.day(in: name) == nil, "\(name)")
    }

    /// A transcript whose name holds no date is dated by its modification time, and its reading says so.
    @Test func aTranscriptDatedByItsModificationTimeSaysSo() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-mtime-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let clock = LocalClock(zone: TimeZone(identifier: "Asia/Tokyo")!)
        for (name, byTime) in [("庁議.srt", true), ("2025年3月24日_庁議.srt", false)] {
            let file = folder.appendingPathComponent(name)
            try Data("1\n00:00:00,000 --> 00:10:00,000\n開会\n".utf8).write(to: file)
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_743_552_000)], ofItemAtPath: file.path)
            let sink = CollectingSink()
            let summary = try TranscriptParser(options: SourceOptions()).parse(
                path: file.path, context: ParseContext(clock: clock, displayPath: name, today: LocalDate(year: 2025, month: 4, day: 10)), into: sink)
            #expect(summary.datedByModificationTime == (byTime ? LocalDate(year: 2025, month: 4, day: 2) : nil), "\(name)")
            #expect(sink.events.map { clock.localDate(of: $0.occurredAt) } == [byTime ? LocalDate(year: 2025, month: 4, day: 2) : LocalDate(year: 2025, month: 3, day: 24)])
        }
    }
}
