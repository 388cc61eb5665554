import Foundation
import Kouka
import Testing

/// A source's settings decide what its files count; changed, the files already read are read again with them,
/// and until the nightly run has, verify says so instead of finding the store changed behind Kouka's back.
@Suite struct SourceSettingsChangeTests {
    static func source(cancelled: Bool) -> String {
        """
        [[source]]
        format = "rpa-csv"
        path = "logs/*.csv"
        [source.columns]
        task = "ロボット名"
        start = "開始日時"
        status = "結果"
        [source.values]
        success = ["正常終了"]
        \(cancelled ? "failure = [\"異常終了\"]\ncancelled = [\"中断\"]" : "failure = [\"異常終了\", \"中断\"]")
        """
    }

    /// T01 (180 − 15 min saved a run, 30 min rework a failure): two runs ended normally, one stopped by staff (中断).
    static let runs = """
        ロボット名,開始日時,結果
        住民税_課税資料取込,2024/05/01 09:00:00,正常終了
        住民税_課税資料取込,2024/05/02 09:00:00,正常終了
        住民税_課税資料取込,2024/05/03 09:00:00,中断

        """

    @Test func changedValuesAreAppliedToTheFilesReadBefore() throws {
        let city = try TemporaryCity(sources: Self.source(cancelled: false))
        defer { city.remove() }
        try city.write("logs/runs.csv", Self.runs)
        _ = try city.night(1)
        // 中断 a failure: 2 × 165 − 30 = 300 min.
        #expect(try city.hoursSaved() == 5)
        try city.write("kouka.toml", try String(contentsOf: URL(fileURLWithPath: city.configPath), encoding: .utf8)
            .replacingOccurrences(of: Self.source(cancelled: false), with: Self.source(cancelled: true)))
        #expect(throws: StoreAwaitsReading.self, "read with the old values: the nightly run reads it again first") {
            try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run()
        }
        let second = try city.night(2)
        #expect(second.filesReadForSourceSettings.map(\.path) == ["logs/runs.csv"])
        #expect(second.filesReadForTimeZone.isEmpty)
        // The day the setting moved is named (exit 1), with both figures, as a log edited that night would be.
        #expect(second.filesRestatingDays.map(\.path) == ["logs/runs.csv"])
        #expect(second.filesRestatingDays.first?.reason.contains("2024-05-03 住民税_課税資料取込 failure runs: 1 run(s), 1 → none") == true,
                "\(second.filesRestatingDays)")
        // 中断 cancelled: 2 × 165 = 330 min, no rework.
        #expect(try city.hoursSaved() == 5.5)
        let verified = try VerifyAudit(configuration: Configuration.load(path: city.configPath)).run()
        #expect(verified.differences.isEmpty, "\(verified.differences)")
        let third = try city.night(3)
        #expect(third.filesUnchanged == 1)
        #expect(third.filesReadForSourceSettings.isEmpty)
    }

    @Test func theOrderOfAValueListChangesNothing() throws {
        let city = try TemporaryCity(sources: Self.source(cancelled: false))
        defer { city.remove() }
        try city.write("logs/runs.csv", Self.runs)
        _ = try city.night(1)
        try city.write("kouka.toml", try String(contentsOf: URL(fileURLWithPath: city.configPath), encoding: .utf8)
            .replacingOccurrences(of: "[\"異常終了\", \"中断\"]", with: "[\"中断\", \"異常終了\"]"))
        let second = try city.night(2)
        #expect(second.filesUnchanged == 1)
        #expect(second.filesReadForSourceSettings.isEmpty)
    }
}
