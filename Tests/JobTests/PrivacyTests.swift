import Foundation
import Testing

/// What citizens wrote to the chatbot, said in a meeting or asked to translate must leave no trace:
/// not in the store, the quarantine, the reports, or the jobs' output.
@Suite struct PrivacyTests {
    static let planted = ["山田太郎", "090-1234-5678", "1234 5678 9012"]
    static let sentence = "山田太郎です。電話は090-1234-5678、マイナンバーは1234 5678 9012です"

    @Test func plantedPersonalDataAppearsInNoOutput() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-privacy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        func write(_ name: String, _ text: String, _ encoding: String.Encoding = .utf8) throws {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.data(using: encoding)!.write(to: url)
        }
        let s = Self.sentence
        try write("catalog.csv", """
            task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match
            C1,問い合わせ対応,広報課,chatbot,inquiries,5,0,2020-04-01,*
            M1,会議録,総務課,minutes,audio-minutes,4,1,2020-04-01,*
            L1,翻訳,国際交流課,translation,characters,60,10,2020-04-01,*

            """)
        // Vendor chatbot CSV: the question in its own column, and a broken row whose status column holds it.
        try write("logs/chat.csv", """
            日時,セッションID,カテゴリ,質問文,回答状況,有人対応
            2024/05/01 10:00:00,s1,税金,\(s),回答済,なし
            2024/05/01 10:05:00,s2,税金,\(s),\(s),なし
            2024/05/01 25:05:00,s3,税金,\(s),回答済,なし

            """, .shiftJIS)
        try write("logs/tracker.json", """
            {"sender_id": "\(s)", "events": [
              {"event": "user", "timestamp": 1714525200.0, "text": "\(s)",
               "parse_data": {"text": "\(s)", "intent": {"name": "greet", "confidence": 0.9}}},
              {"event": "bot", "timestamp": 1714525201.0, "text": "\(s)"},
              {"event": "user", "timestamp": "\(s)", "text": "\(s)"}
            ]}
            """)
        try write("logs/chat.transcript", """
            [{"type": "message", "from": {"role": "user", "name": "\(s)"}, "conversation": {"id": "c1"}, "text": "\(s)", "timestamp": "2024-05-01T01:00:00Z"},
             {"type": "message", "from": {"role": "bot"}, "conversation": {"id": "c1"}, "text": "\(s)", "timestamp": "2024-05-01T01:00:01Z"},
             {"type": "message", "from": {"role": "user"}, "conversation": {"id": "c1"}, "text": "\(s)", "timestamp": "\(s)"}]
            """)
        try write("logs/2024-05-01_meeting.json", """
            {"text": "\(s)", "language": "ja", "segments": [{"id": 0, "seek": 0, "start": 0.0, "end": 600.0, "text": "\(s)"}]}
            """)
        try write("logs/2024-05-02_meeting.srt", "1\n00:00:00,000 --> 00:10:00,000\n\(s)\n\n")
        try write("logs/sessions.csv", "会議名,開催日時,音声時間（分）,編集時間（分）,メモ\n総務委員会,2024-05-01 10:00,60,20,\(s)\n総務委員会,2024-05-01 10:00,\(s),20,x\n")
        try write("logs/translation.jsonl", """
            {"time": "2024-05-01T10:00:00+09:00", "chars": 1200, "source_text": "\(s)", "department": "国際交流課"}
            {"time": "\(s)", "chars": 1200, "source_text": "\(s)"}

            """)
        try write("kouka.toml", """
            catalog = "catalog.csv"
            output = "reports"
            [[source]]
            format = "chatbot-csv"
            path = "logs/chat.csv"
            [source.columns]
            time = "日時"
            category = "カテゴリ"
            answered = "回答状況"
            escalated = "有人対応"
            [source.values]
            answered = ["回答済"]
            unanswered = ["未回答"]
            escalated = ["あり"]
            [[source]]
            format = "rasa-tracker"
            path = "logs/tracker.json"
            [[source]]
            format = "bot-framework-transcript"
            path = "logs/chat.transcript"
            task = "FAQ"
            [[source]]
            format = "minutes-transcript"
            path = "logs/*_meeting.*"
            task = "総務委員会"
            [[source]]
            format = "minutes-session-csv"
            path = "logs/sessions.csv"
            [source.columns]
            meeting = "会議名"
            time = "開催日時"
            audio_minutes = "音声時間（分）"
            editing_minutes = "編集時間（分）"
            [[source]]
            format = "translation-usage"
            path = "logs/translation.jsonl"
            [source.columns]
            time = "time"
            characters = "chars"
            department = "department"
            """)
        let config = root.appendingPathComponent("kouka.toml").path
        let nightly = try JobProcess.run("kouka-nightly", ["--config", config, "--verbose"])
        #expect(nightly.exitCode == 1, "rows were rejected")
        let summary = try nightly.summary()
        // Every planted-but-broken record is rejected with its line, not dropped.
        #expect(summary["rowsRejected"] as? Int == 6, "\(nightly.stdout)")
        // Counted: 1 CSV answer, 1 Rasa answer, 1 Bot Framework answer, 2 transcripts, 1 session, 1 translation.
        #expect(summary["rowsAccepted"] as? Int ?? 0 >= 7)
        let report = try JobProcess.run("kouka-report", ["--config", config, "--fiscal-year", "2024"])
        #expect(report.exitCode == 0)
        let reportJSON = try Data(contentsOf: root.appendingPathComponent("reports/FY2024/kouka-FY2024.json"))
        let hours = (try JSONSerialization.jsonObject(with: reportJSON) as? [String: Any])?["hoursSaved"] as? [String: Any]
        // Chatbot: 3 answers × 5 min = 0.25 h. Minutes: 10 + 10 audio min × 3 min, and 60 × 4 − 20 = 220 min: 280 min.
        // Translation: 1.2 × (60 − 10) = 60 min.
        let bySystem = hours?["bySystem"] as? [String: Double]
        #expect(bySystem?["chatbot"] == 0.25)
        #expect(bySystem?["minutes"] == 4.67)
        #expect(bySystem?["translation"] == 1.0)

        var outputs: [(String, Data)] = [("nightly stdout", Data(nightly.stdout.utf8)), ("nightly stderr", Data(nightly.stderr.utf8)),
                                         ("report stdout", Data(report.stdout.utf8)), ("report stderr", Data(report.stderr.utf8))]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
        for case let url as URL in enumerator where !url.path.contains("/logs/") && !url.path.hasSuffix(".toml") {
            if let data = try? Data(contentsOf: url) { outputs.append((url.lastPathComponent, data)) }
        }
        #expect(outputs.contains { $0.0 == "kouka.sqlite" })
        for (name, data) in outputs {
            for secret in Self.planted {
                for encoding in [String.Encoding.utf8, .shiftJIS, .utf16LittleEndian] {
                    let needle = secret.data(using: encoding)!
                    #expect(data.range(of: needle) == nil, "\(secret) found in \(name)")
                }
            }
        }
    }
}
