import Foundation
import Testing

/// Issue 14 items 1 and 2, through the built jobs: DeepL's `/v2/usage` answer saved each night as the API
/// returns it. A Free or Pro Classic answer has no period: each file is dated by its name, and where the
/// count falls the counter was reset and a new billing period starts. The newer Pro answer counts the
/// `translate` product only.
@Suite(.serialized) struct DeepLUsageAnswersJobTests {
    static let catalog = """
        task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,rework_minutes_per_failure,valid_from,match
        A07,AI翻訳,国際交流課,translation,characters,60,10,,2020-04-01,DeepL

        """

    static let configuration = """
        catalog = "catalog.csv"
        output = "reports"
        [[source]]
        format = "deepl-usage"
        path = "logs/*.json"
        task = "DeepL"
        """

    static func free(_ characters: Int) -> String { #"{"character_count": \#(characters), "character_limit": 1000000}"# + "\n" }
    static func characters(_ json: [String: Any]) -> Double? { SmallCity.tasks(json)["A07"]?["units"] as? Double }
    static func hours(_ json: [String: Any]) -> Double? { SmallCity.tasks(json)["A07"]?["hoursSaved"] as? Double }

    @Test func freeAnswersSavedEachNightCountEachPeriodOnceAcrossAReset() throws {
        let city = try SmallCity("deepl-free")
        defer { city.remove() }
        try city.write("catalog.csv", Self.catalog)
        try city.write("kouka.toml", Self.configuration)
        try city.write("logs/usage_2024-07-09.json", Self.free(100_000))
        try city.write("logs/usage_2024-07-10.json", Self.free(300_000))
        // The counter is reset: a new billing period.
        try city.write("logs/usage_2024-07-11.json", Self.free(20_000))
        try city.write("logs/usage_20240712.json", Self.free(50_000))
        let nightly = try city.nightly()
        #expect(nightly.exitCode == 0, "\(nightly.stdout)")
        let (code, json) = try city.report(2024)
        #expect(code == 0)
        // 300,000 + 50,000 = 350,000 characters × (60 − 10) min per 1,000 = 17,500 min = 291.67 h
        // (each night's count summed: 470,000, 391.67 h).
        #expect(Self.characters(json) == 350_000)
        #expect(Self.hours(json) == 291.67)
        #expect(SmallCity.tasks(json)["A07"]?["successes"] as? Int == 2, "two billing periods")

        // A later night brings a later count of the second period: it replaces 50,000, it is not added.
        try city.write("logs/usage_2024-07-13.json", Self.free(70_000))
        #expect(try city.nightly().exitCode == 0)
        let (_, later) = try city.report(2024)
        // 300,000 + 70,000 = 370,000 × 50 / 1,000 = 18,500 min = 308.33 h.
        #expect(Self.characters(later) == 370_000)
        #expect(Self.hours(later) == 308.33)
        let verify = try JobProcess.run("kouka-audit", ["verify", "--config", city.config])
        #expect(verify.exitCode == 0, "\(verify.stdout)")
    }

    /// A period seen first in March belongs to the fiscal year it started in, also when its later counts are in
    /// April: the April report looks at the count before its first day to know that April 2's is not a new period.
    @Test func aPeriodThatStartedInTheYearBeforeCountsThere() throws {
        let city = try SmallCity("deepl-free-year")
        defer { city.remove() }
        try city.write("catalog.csv", Self.catalog)
        try city.write("kouka.toml", Self.configuration)
        try city.write("logs/usage_2024-03-30.json", Self.free(100_000))
        try city.write("logs/usage_2024-04-02.json", Self.free(150_000))
        try city.write("logs/usage_2024-04-12.json", Self.free(10_000))
        #expect(try city.nightly().exitCode == 0)
        let (_, previous) = try city.report(2023)
        // 150,000 × 50 / 1,000 = 7,500 min = 125 h, dated March 30.
        #expect(Self.characters(previous) == 150_000)
        #expect(Self.hours(previous) == 125)
        let (_, current) = try city.report(2024)
        // Only the period from April 12: 10,000 × 50 / 1,000 = 500 min = 8.33 h (not 160,000).
        #expect(Self.characters(current) == 10_000)
        #expect(Self.hours(current) == 8.33)
    }

    /// DeepL's documented example: 2,150,000 characters in all, of which 900,000 translation.
    @Test func theNewProAnswerCountsTranslationAndSaysWhatElseItHolds() throws {
        let city = try SmallCity("deepl-products")
        defer { city.remove() }
        try city.write("catalog.csv", Self.catalog)
        try city.write("kouka.toml", Self.configuration)
        try city.write("logs/usage.json", """
            {"products": [{"product_type": "write", "api_key_character_count": 0, "character_count": 1250000},
                          {"product_type": "translate", "api_key_character_count": 880000, "character_count": 900000}],
             "api_key_character_count": 880000, "api_key_character_limit": 0,
             "start_time": "2025-05-13T09:18:42Z", "end_time": "2025-06-13T09:18:42Z",
             "character_count": 2150000, "character_limit": 20000000}
            """)
        let nightly = try city.nightly()
        #expect(nightly.exitCode == 0, "\(nightly.stdout)")
        #expect(nightly.stderr.contains("write 1250000 characters not counted"), "\(nightly.stderr)")
        let (code, json) = try city.report(2025)
        #expect(code == 0)
        // 900,000 characters × 50 min per 1,000 = 45,000 min = 750 h (the total's 2,150,000: 1,791.67 h).
        #expect(Self.characters(json) == 900_000)
        #expect(Self.hours(json) == 750)
    }
}
