import Foundation

/// A throw-away folder with a configuration, a catalog and logs, for tests that run whole jobs.
struct TemporaryCity {
    let root: URL

    init(catalog: String = TemporaryCity.catalog, sources: String = TemporaryCity.winActorSource) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-city-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("logs"), withIntermediateDirectories: true)
        try write("catalog.csv", catalog)
        try write("kouka.toml", """
            timezone = "Asia/Tokyo"
            database = "kouka.sqlite"
            catalog = "catalog.csv"
            output = "reports"
            \(sources)
            """)
    }

    var configPath: String { root.appendingPathComponent("kouka.toml").path }

    func write(_ name: String, _ text: String, encoding: String.Encoding = .utf8) throws {
        let url = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.data(using: encoding)!.write(to: url)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// Deletes the source file `name`, as routine retention or a person does.
    func delete(_ name: String) throws { try FileManager.default.removeItem(at: root.appendingPathComponent(name)) }

    static let catalog = """
        task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,rework_minutes_per_failure,valid_from,match
        T01,住民税課税資料の取込,税務課,rpa,runs,180,15,30,2020-04-01,住民税_課税資料取込
        T02,転入届データ入力,市民課,rpa,runs,60,6,0,2020-04-01,転入届入力
        T02,転入届データ入力,市民課,rpa,runs,60,10,0,2023-04-01,転入届入力

        """

    static let winActorSource = """
        [[source]]
        format = "winactor-task-csv"
        path = "logs/*.csv"
        encoding = "shift_jis"
        """

    static let winActorHeader = "タスクID,名前,シナリオID,シナリオ名,状態,タスク確認状態,データ一覧ファイルID,データ一覧ファイル名,アーカイブ,ログ,異常発生時,メール送信,メール送信日時,アーカイブファイルID,生成日時,開始日時,終了日時,更新日時,実行時間（秒）,実行予定WinActorID,実行予定WinActor名,WinActorID,WinActor名,スケジュールID,スケジュール名,実行予定日時,エラー,エラーコード,スケジュール登録者,リトライカウント,個別ステージID"

    /// One WinActor task row with the given scenario, state and start; the other columns as an export has them.
    static func winActorRow(_ id: String, _ scenario: String, _ state: String, _ start: String, seconds: Int = 600) -> String {
        "\(id),\(scenario)_定期,sc-1,\(scenario),\(state),確認済,,,なし,あり,停止,しない,,,\(start),\(start),\(start),\(start),\(seconds),wa,WA01,wa,WA01,s1,定期,\(start),,,情報政策課,0,"
    }

    static func winActorCSV(_ rows: [String]) -> String {
        ([winActorHeader] + rows).joined(separator: "\r\n") + "\r\n"
    }
}

import Logging

extension Logger {
    /// Tests never bootstrap logging; they pass a logger that drops everything.
    static let silent = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
}
