import Foundation
import Testing

/// Issue 13 item 4, through the built jobs: a mapped status value in none of the configured lists is
/// rejected, never counted as a success; a status column mapped without success values stops the job.
@Suite(.serialized) struct UnknownStatusJobTests {
    static let catalog = """
        task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,rework_minutes_per_failure,valid_from,match
        A01,申請書の入力,子育て支援課,ai-ocr,sheets,6,1,,2020-04-01,申請書

        """
    static let log = """
        読取日時,帳票名,読取枚数,状態
        2024/05/01 09:00,申請書,2,完了
        2024/05/01 10:00,申請書,2,エラー
        2024/05/01 11:00,申請書,2,取消
        2024/05/01 12:00,申請書,2,処理中

        """

    static func configuration(values: String) -> String {
        """
        catalog = "catalog.csv"
        output = "reports"
        [[source]]
        format = "ai-ocr-csv"
        path = "logs/jobs.csv"
        [source.columns]
        time = "読取日時"
        form = "帳票名"
        sheets = "読取枚数"
        status = "状態"
        [source.values]
        \(values)
        """
    }

    /// Failure values only: the old reading counted 完了, 取消 and 処理中 as 3 successes (6 sheets × 5 min =
    /// 0.5 h) and exited 0. Now the configuration is refused before any work (64), saying what to add.
    @Test func aStatusWithoutSuccessValuesStopsTheJob() throws {
        let city = try SmallCity("status-nolist")
        defer { city.remove() }
        try city.write("catalog.csv", Self.catalog)
        try city.write("logs/jobs.csv", Self.log)
        try city.write("kouka.toml", Self.configuration(values: #"failure = ["エラー"]"#))
        let nightly = try city.nightly()
        #expect(nightly.exitCode == 64)
        #expect((nightly.stdout + nightly.stderr).contains("must list the success values"))
        #expect((nightly.stdout + nightly.stderr).contains("source #1"))
    }

    /// With success and failure values: 完了 is 1 success of 2 sheets, エラー 1 failure, 取消 and 処理中 are
    /// rejected with their lines (exit 1). By hand: 2 sheets × (6 − 1) min = 10 min = 0.17 h (not 0.5 h).
    @Test func aStatusInNoListIsRejected() throws {
        let city = try SmallCity("status-unknown")
        defer { city.remove() }
        try city.write("catalog.csv", Self.catalog)
        try city.write("logs/jobs.csv", Self.log)
        try city.write("kouka.toml", Self.configuration(values: #"success = ["完了"]"# + "\n" + #"failure = ["エラー"]"#))
        let nightly = try city.nightly()
        #expect(nightly.exitCode == 1)
        let summary = try nightly.summary()
        #expect(summary["rowsRejected"] as? Int == 2)
        #expect(summary["rowsAccepted"] as? Int == 2)
        let lines = (summary["rejections"] as? [[String: Any]] ?? []).compactMap { $0["line"] as? Int }
        #expect(lines == [4, 5])
        let (code, json) = try city.report(2024)
        #expect(code == 0)
        let task = try #require(SmallCity.tasks(json)["A01"])
        #expect(task["successes"] as? Int == 1)
        #expect(task["failures"] as? Int == 1)
        #expect(task["hoursSaved"] as? Double == 0.17)
    }
}
