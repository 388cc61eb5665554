import Foundation
import Testing

/// Issue 13 item 7, through the built jobs: DeepL's `/v2/usage` count is a running total of its billing
/// period, polled into a file a month, so a period that crosses months has snapshots in two files. Of each
/// period the latest (largest) snapshot across all files counts, whatever order the files come in, also when
/// a later run brings a later snapshot of a period already counted; and `verify` agrees.
@Suite(.serialized) struct DeepLSnapshotsJobTests {
    static let catalog = """
        task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,rework_minutes_per_failure,valid_from,match
        A07,AI翻訳,国際交流課,translation,characters,60,10,,2020-04-01,DeepL

        """

    static let configuration = """
        catalog = "catalog.csv"
        output = "reports"
        [[source]]
        format = "deepl-usage"
        path = "logs/*.jsonl"
        task = "DeepL"
        """

    static func snapshot(_ characters: Int, periodFrom start: String, to end: String) -> String {
        #"{"character_count": \#(characters), "character_limit": 1000000, "start_time": "\#(start)T00:00:00Z", "end_time": "\#(end)T00:00:00Z"}"#
    }

    static func characters(_ json: [String: Any]) -> Double? { SmallCity.tasks(json)["A07"]?["units"] as? Double }
    static func hours(_ json: [String: Any]) -> Double? { SmallCity.tasks(json)["A07"]?["hoursSaved"] as? Double }

    @Test func eachBillingPeriodCountsItsLatestSnapshotAcrossFilesAndRuns() throws {
        let city = try SmallCity("deepl-snapshots")
        defer { city.remove() }
        try city.write("catalog.csv", Self.catalog)
        try city.write("kouka.toml", Self.configuration)
        // The issue's case. Its "8,500 instead of 5,500" adds up only if May's file also holds 500 of the next
        // period: 3,000 + 5,000 + 500 = 8,500 summed, 5,000 + 500 = 5,500 right.
        try city.write("logs/usage-2024-04.jsonl", [
            Self.snapshot(1_000, periodFrom: "2024-04-10", to: "2024-05-10"),
            Self.snapshot(3_000, periodFrom: "2024-04-10", to: "2024-05-10"),
        ].joined(separator: "\n") + "\n")
        try city.write("logs/usage-2024-05.jsonl", [
            Self.snapshot(5_000, periodFrom: "2024-04-10", to: "2024-05-10"),
            Self.snapshot(500, periodFrom: "2024-05-10", to: "2024-06-10"),
        ].joined(separator: "\n") + "\n")
        #expect(try city.nightly().exitCode == 0)
        let (code, first) = try city.report(2024)
        #expect(code == 0)
        // 5,500 characters × (60 − 10) min per 1,000 = 275 min = 4.58 h (summed: 8,500, 7.08 h).
        #expect(Self.characters(first) == 5_500)
        #expect(Self.hours(first) == 4.58)

        // A later run brings June's file: a later snapshot of May's period (2,500), the first of June's (100),
        // and a stale snapshot of April's period (2,000, an older poll saved late) that changes nothing.
        // Sorted by name it comes first, so it is recorded before the files it supersedes and is superseded by.
        try city.write("logs/usage-2024-03-late.jsonl", [
            Self.snapshot(2_000, periodFrom: "2024-04-10", to: "2024-05-10"),
            Self.snapshot(2_500, periodFrom: "2024-05-10", to: "2024-06-10"),
            Self.snapshot(100, periodFrom: "2024-06-10", to: "2024-07-10"),
        ].joined(separator: "\n") + "\n")
        let second = try city.nightly()
        #expect(second.exitCode == 0)
        let summary = try second.summary()
        #expect(summary["filesRead"] as? Int == 1)
        #expect(summary["filesUnchanged"] as? Int == 2)
        let (_, json) = try city.report(2024)
        // April 5,000 + May 2,500 + June 100 = 7,600 characters × 50 min per 1,000 = 380 min = 6.33 h.
        #expect(Self.characters(json) == 7_600)
        #expect(Self.hours(json) == 6.33)
        #expect(SmallCity.tasks(json)["A07"]?["successes"] as? Int == 3, "three billing periods")
        let months = Dictionary(uniqueKeysWithValues: (json["months"] as? [[String: Any]] ?? []).map { ($0["month"] as? String ?? "", $0["hoursSaved"] as? Double) })
        #expect(months["2024-04"] == 4.17 && months["2024-05"] == 2.08 && months["2024-06"] == 0.08)

        // Recomputed from the files, the figures are the store's.
        let verify = try JobProcess.run("kouka-audit", ["verify", "--config", city.config])
        #expect(verify.exitCode == 0, "\(verify.stdout)")
    }

    /// A Free or Pro Classic answer has no period; a poller that writes the day it polled as `polled_on` (as a file named by
    /// that day would give it) gives running totals of that day, not periods of their own (helper-122: as `date`, summed,
    /// 8,600 characters, every job exiting 0). In one file and in a file a day alike: two billing periods, 4,000 + 800.
    @Test(arguments: [false, true])
    func snapshotsDatedByTheDayTheyWerePolledAreRunningTotals(fileADay: Bool) throws {
        let city = try SmallCity("deepl-polled-days")
        defer { city.remove() }
        try city.write("catalog.csv", Self.catalog)
        try city.write("kouka.toml", Self.configuration)
        let polls = [("2024-07-01", 1_000), ("2024-07-02", 2_500), ("2024-07-03", 4_000), ("2024-08-01", 300), ("2024-08-02", 800)]
        let lines = polls.map { #"{"character_count": \#($0.1), "character_limit": 500000, "polled_on": "\#($0.0)"}"# }
        if fileADay {
            for (poll, line) in zip(polls, lines) { try city.write("logs/usage-\(poll.0).jsonl", line + "\n") }
        } else {
            try city.write("logs/usage.jsonl", lines.joined(separator: "\n") + "\n")
        }
        #expect(try city.nightly().exitCode == 0)
        let (code, json) = try city.report(2024)
        #expect(code == 0)
        // 4,800 characters × (60 − 10) min per 1,000 = 240 min = 4.00 h, two periods dated at their first days.
        #expect(Self.characters(json) == 4_800)
        #expect(Self.hours(json) == 4.0)
        #expect(SmallCity.tasks(json)["A07"]?["successes"] as? Int == 2, "two billing periods")
        let months = Dictionary(uniqueKeysWithValues: (json["months"] as? [[String: Any]] ?? []).map { ($0["month"] as? String ?? "", $0["hoursSaved"] as? Double) })
        #expect(months["2024-07"] == 3.33 && months["2024-08"] == 0.67)
        let verify = try JobProcess.run("kouka-audit", ["verify", "--config", city.config])
        #expect(verify.exitCode == 0, "\(verify.stdout)")
    }

    /// Free snapshots saved a file a day, named by the day: on a quiet day a file holds the day before's bytes, and the
    /// counter that fell on one day and rose back to an earlier day's count holds that day's bytes again. Each is its day's
    /// count, not a copy (helper-132: 2,000 characters shown 1,200, exit 0; a quiet weekend named two copies, exit 1). A file
    /// of the same bytes named by the same day is still a copy.
    @Test func snapshotsOfTheSameBytesNamedByOtherDaysAreEachTheirDays() throws {
        let city = try SmallCity("deepl-quiet-days")
        defer { city.remove() }
        try city.write("catalog.csv", Self.catalog)
        try city.write("kouka.toml", Self.configuration.replacingOccurrences(of: "logs/*.jsonl", with: "logs/*.json"))
        let free = { (characters: Int) in #"{"character_count": \#(characters), "character_limit": 500000}"# + "\n" }
        try city.write("logs/usage_2025-03-27.json", free(1_000))
        try city.write("logs/usage_2025-03-28.json", free(1_000))
        try city.write("logs/usage_2025-03-29.json", free(200))
        try city.write("logs/usage_2025-03-30.json", free(1_000))
        try city.write("logs/usage_2025-03-31.json", free(1_000))
        let night = try city.nightly()
        #expect(night.exitCode == 0, "\(night.stdout)")
        #expect((try night.summary()["filesDuplicate"] as? [Any] ?? []).isEmpty)
        // Two periods: 1,000 to the fall on 03-29, then 200 rising to 1,000: 2,000 characters × 50 min per 1,000 = 100 min.
        let (_, json) = try city.report(2024)
        #expect(Self.characters(json) == 2_000)
        #expect(Self.hours(json) == 1.67)

        try city.write("logs/usage_2025-03-30 (copy).json", free(1_000))
        let copy = try city.nightly()
        #expect(copy.exitCode == 1)
        #expect((try copy.summary()["filesDuplicate"] as? [Any] ?? []).count == 1)
        #expect(Self.characters(try city.report(2024).1) == 2_000)
        let verify = try JobProcess.run("kouka-audit", ["verify", "--config", city.config])
        #expect(verify.exitCode == 0, "\(verify.stdout)")
    }

    /// A poller that saves each answer over the last (`curl … > usage.jsonl`): once the answer is of the next billing period, the
    /// earlier period's characters count nowhere. The night names the file (helper-132: March's 8,000 characters gone from
    /// FY2024, every job exiting 0); two files whose names were swapped lose nothing, and are not named.
    @Test func anAnswerSavedOverByTheNextPeriodsIsNamedAsLosingItsPeriod() throws {
        let city = try SmallCity("deepl-saved-over")
        defer { city.remove() }
        try city.write("catalog.csv", Self.catalog)
        try city.write("kouka.toml", Self.configuration)
        let march = Self.snapshot(8_000, periodFrom: "2025-03-01", to: "2025-04-01") + "\n"
        let april = Self.snapshot(300, periodFrom: "2025-04-01", to: "2025-05-01") + "\n"
        try city.write("logs/a.jsonl", march)
        try city.write("logs/b.jsonl", april)
        #expect(try city.nightly().exitCode == 0)
        // Swapped: each period is still held by a file.
        Thread.sleep(forTimeInterval: 1.1)
        try city.write("logs/a.jsonl", april)
        try city.write("logs/b.jsonl", march)
        let swapped = try city.nightly()
        #expect(swapped.exitCode == 0, "\(swapped.stdout)")
        #expect(Self.characters(try city.report(2024).1) == 8_000)
        // Saved over by a later poll of April: March's period is held by no file.
        Thread.sleep(forTimeInterval: 1.1)
        try city.write("logs/b.jsonl", Self.snapshot(350, periodFrom: "2025-04-01", to: "2025-05-01") + "\n")
        let savedOver = try city.nightly()
        #expect(savedOver.exitCode == 1)
        let losing = try savedOver.summary()["filesLosingRuns"] as? [[String: Any]] ?? []
        #expect(losing.map { $0["path"] as? String } == ["logs/b.jsonl"])
        #expect((losing.first?["reason"] as? String)?.contains("billing period(s) it counted (DeepL from 2025-03-01)") == true, "\(losing)")

    }

    /// The source's task renamed in kouka.toml: its periods are read again under the new name, by the city's choice, and are
    /// no loss of the file's bytes (helper-134: named as periods saved over, exit 1). Answers printed without indentation
    /// (`json.dump(…, indent=0)`: an object begins a line inside an answer) are read as answers (helper-134: 8.00 h shown 0 h).
    @Test func aRenamedTaskIsNoLossAndAnswersWithoutIndentationAreRead() throws {
        let city = try SmallCity("deepl-renamed")
        defer { city.remove() }
        try city.write("catalog.csv", Self.catalog.replacingOccurrences(of: ",DeepL", with: ",DeepL|DeepL翻訳"))
        try city.write("kouka.toml", Self.configuration)
        func answer(_ characters: Int) -> String {
            "{\n\"character_count\": \(characters + 1000),\n\"character_limit\": 1000000,\n\"products\": [\n{\n\"product_type\": \"write\",\n"
                + "\"character_count\": 1000\n},\n{\n\"product_type\": \"translate\",\n\"character_count\": \(characters)\n}\n],\n"
                + "\"start_time\": \"2024-05-01T00:00:00Z\",\n\"end_time\": \"2024-06-01T00:00:00Z\"\n}\n"
        }
        try city.write("logs/usage.jsonl", answer(4_000) + answer(8_000))
        let first = try city.nightly()
        #expect(first.exitCode == 0, "\(first.stdout)")
        let total = { (json: [String: Any]) in (json["hoursSaved"] as? [String: Any])?["total"] as? Double }
        // The latest answer of the period, translation only: 8,000 characters × 50 min per 1,000 = 400 min = 6.67 h.
        #expect(total(try city.report(2024).1) == 6.67)
        try city.write("kouka.toml", Self.configuration.replacingOccurrences(of: "task = \"DeepL\"", with: "task = \"DeepL翻訳\""))
        let renamed = try city.nightly()
        #expect(renamed.exitCode == 0, "\(renamed.stdout)")
        #expect((try renamed.summary()["filesLosingRuns"] as? [Any] ?? []).isEmpty)
        #expect(total(try city.report(2024).1) == 6.67)
    }
}
