
/// Runs of the report's period that were still running when the store was last read (a robot's month-end batch past
/// midnight, open at the end of its daily log): not in any figure until kouka-nightly reads their end. The report states them,
/// and its job exits 1, so that a set made at 04:00 on the 1st is not signed as the month's whole (helper-135: 116.62 h
/// printed for 117.02, exit 0, and verify named the set edited once the runs were read).
package struct RunsStillRunning: Sendable, Hashable, Codable {
    /// How many runs the files below held still running.
    package var runs: Int
    /// The files holding them, by path.
    package var files: [String]

    package init(runs: Int, files: [String]) {
        self.runs = runs
        self.files = files
    }

    /// What the report says of them, in Japanese, as its readers see it.
    package var notice: String {
        "暫定: 作成時に実行中だった \(runs) 件の実行（\(files.count) ファイル）はこの数値に含まれていません。次回の夜間集計がその終了を読み込んだ後に作り直してください。"
    }
}
