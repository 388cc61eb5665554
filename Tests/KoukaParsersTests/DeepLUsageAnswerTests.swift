import Foundation
import Kouka
import Testing

/// Issue 14 items 1 and 2: `/v2/usage` answers as DeepL returns them. Free and Pro Classic give only
/// `character_count` and `character_limit`; the newer Pro answer lists `products[]`, of which only
/// `translate` is translation.
@Suite struct DeepLUsageAnswerTests {
    static let free = #"{"character_count": 69328, "character_limit": 1000000}"#

    func parse(_ path: String) throws -> (CollectingSink, ParseSummary) {
        let sink = CollectingSink()
        let summary = try DeepLUsageParser(options: SourceOptions(task: "DeepL")).parse(path: path, context: tokyoContext(path), into: sink)
        return (sink, summary)
    }

    @Test(arguments: ["usage_2024-07-09.json", "deepl-20240709.json"])
    func anAnswerWithoutAPeriodIsDatedByItsFileName(_ name: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let (sink, _) = try parse(try dir.write(name, Data(Self.free.utf8)))
        #expect(sink.rejections.isEmpty)
        #expect(sink.events.map(\.quantity) == [69_328])
        #expect(sink.events.map { LocalClock.tokyo.localDate(of: $0.occurredAt) } == [LocalDate(year: 2024, month: 7, day: 9)])
        #expect(sink.events.allSatisfy { $0.cumulative && $0.undatedPeriod }, "the total as of that day, its period not known")
    }

    @Test func anAnswerWithoutAPeriodOrADatedNameIsDatedByItsModificationTime() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("usage.json", Data(Self.free.utf8))
        // 2024-07-09 15:30 UTC is 00:30 on July 10 in Tokyo.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_720_539_000)], ofItemAtPath: path)
        let (sink, _) = try parse(path)
        #expect(sink.events.map { LocalClock.tokyo.localDate(of: $0.occurredAt) } == [LocalDate(year: 2024, month: 7, day: 10)])
    }

    /// JSON lines of one day's polls: the last is the day's total. A total that falls inside such a file is a
    /// period whose snapshots have no date: those are rejected with the reason, never placed by a guess.
    @Test func aFileOfUndatedSnapshotsGivesItsLastTotalAndRefusesToPlaceAPeriodBeforeAReset() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let (steady, _) = try parse(try dir.write("usage_2024-07-09.jsonl", Data("""
            {"character_count": 1000, "character_limit": 500000}
            {"character_count": 4200, "character_limit": 500000}

            """.utf8)))
        #expect(steady.events.map(\.quantity) == [4_200])
        #expect(steady.rejections.isEmpty)
        let (reset, summary) = try parse(try dir.write("usage_2024-07-10.jsonl", Data("""
            {"character_count": 4200, "character_limit": 500000}
            {"character_count": 4900, "character_limit": 500000}
            {"character_count": 30, "character_limit": 500000}
            {"character_count": 80, "character_limit": 500000}

            """.utf8)))
        #expect(summary.recordsRead == 4)
        #expect(reset.events.map(\.quantity) == [80])
        #expect(reset.rejectedLines == [1, 2])
        #expect(reset.rejections.allSatisfy { $0.reason.contains("falls at line 3") })
    }

    /// DeepL's documented example of the newer Pro answer: 2,150,000 characters in all, 900,000 of them
    /// translation and 1,250,000 DeepL Write.
    @Test func theNewProAnswerCountsTheTranslateProductOnly() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let (sink, summary) = try parse(try dir.write("usage.json", Data("""
            {"products": [{"product_type": "write", "api_key_character_count": 0, "character_count": 1250000},
                          {"product_type": "translate", "api_key_character_count": 880000, "character_count": 900000}],
             "api_key_character_count": 880000, "api_key_character_limit": 0,
             "start_time": "2025-05-13T09:18:42Z", "end_time": "2025-06-13T09:18:42Z",
             "character_count": 2150000, "character_limit": 20000000}
            """.utf8)))
        #expect(sink.rejections.isEmpty)
        #expect(sink.events.map(\.quantity) == [900_000])
        #expect(sink.events.allSatisfy { $0.cumulative && !$0.undatedPeriod })
        #expect(summary.notes.count == 1)
        #expect(summary.notes.first?.contains("write 1250000 characters not counted") == true)
    }

    @Test func aProductWithoutACountIsRejected() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let (sink, _) = try parse(try dir.write("usage.json", Data("""
            {"products": [{"product_type": "translate"}], "start_time": "2025-05-13T09:18:42Z", "character_count": 2150000}
            """.utf8)))
        #expect(sink.events.isEmpty)
        #expect(sink.rejectedLines == [1])
    }
}
