import Foundation
import Testing

/// What citizens wrote to the chatbot, said in a meeting or asked to translate must leave no trace:
/// not in the store, the quarantine, the reports, or the jobs' output.
@Suite struct PrivacyTests {
    static let planted = ["山田太郎", "090-1234-5678", "1234 5678 9012", "123456789012"]
    static let sentence = "山田太郎です。電話は090-1234-5678、マイナンバーは1234 5678 9012（123456789012）です"

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
        // Rasa keeps what was said in slots, entities and metadata too, and slot events repeat it.
        try write("logs/tracker.json", """
            {"sender_id": "\(s)", "slots": {"name": "\(s)", "phone": ["\(s)"]},
             "latest_message": {"text": "\(s)", "entities": [{"entity": "name", "value": "\(s)"}], "metadata": {"note": "\(s)"}},
             "events": [
              {"event": "user", "timestamp": 1714525200.0, "text": "\(s)", "metadata": {"user": "\(s)", "\(s)": "\(s)"},
               "parse_data": {"text": "\(s)", "intent": {"name": "greet", "confidence": 0.9},
                              "entities": [{"entity": "phone", "value": "\(s)", "text": "\(s)"}], "metadata": {"raw": "\(s)"}}},
              {"event": "slot", "timestamp": 1714525200.5, "name": "phone", "value": "\(s)"},
              {"event": "bot", "timestamp": 1714525201.0, "text": "\(s)", "metadata": {"utter": "\(s)"}},
              {"event": "user", "timestamp": "\(s)", "text": "\(s)", "parse_data": {"entities": [{"value": "\(s)"}]}}
            ]}
            """)
        // Bot Framework carries it in attachments (cards) and channelData as well as in text.
        try write("logs/chat.transcript", """
            [{"type": "message", "from": {"role": "user", "name": "\(s)"}, "recipient": {"name": "\(s)"}, "conversation": {"id": "c1"}, "text": "\(s)",
              "timestamp": "2024-05-01T01:00:00Z", "channelData": {"clientActivityID": "\(s)", "user": {"name": "\(s)"}},
              "attachments": [{"contentType": "text/plain", "content": "\(s)", "name": "\(s)"}]},
             {"type": "message", "from": {"role": "bot"}, "conversation": {"id": "c1"}, "text": "\(s)", "timestamp": "2024-05-01T01:00:01Z",
              "attachments": [{"contentType": "application/vnd.microsoft.card.adaptive", "content": {"body": [{"type": "TextBlock", "text": "\(s)"}]}}],
              "channelData": {"\(s)": ["\(s)"]}},
             {"type": "message", "from": {"role": "user"}, "conversation": {"id": "c1"}, "text": "\(s)", "timestamp": "\(s)",
              "attachments": [{"content": "\(s)"}], "channelData": "\(s)"}]
            """)
        try write("logs/2024-05-01_meeting.json", """
            {"text": "\(s)", "language": "ja", "segments": [{"id": 0, "seek": 0, "start": 0.0, "end": 600.0, "text": "\(s)"}]}
            """)
        try write("logs/2024-05-02_meeting.srt", "1\n00:00:00,000 --> 00:10:00,000\n\(s)\n\n")
        // WebVTT: in the header, a NOTE, a cue identifier, a voice tag and the cue text; the last cue ends at 20:00.
        try write("logs/2024-05-03_meeting.vtt", """
            WEBVTT - \(s)

            NOTE \(s)

            \(s)
            00:00:00.000 --> 00:05:00.000 align:start
            <v \(s)>\(s)

            10:00.000 --> 20:00.000
            \(s)

            """)
        try write("logs/sessions.csv", "会議名,開催日時,音声時間（分）,編集時間（分）,メモ\n総務委員会,2024-05-01 10:00,60,20,\(s)\n総務委員会,2024-05-01 10:00,\(s),20,x\n")
        try write("logs/translation.jsonl", """
            {"time": "2024-05-01T10:00:00+09:00", "chars": 1200, "source_text": "\(s)", "department": "国際交流課"}
            {"time": "\(s)", "chars": 1200, "source_text": "\(s)"}

            """)
        // The CSV form, in Shift_JIS: the user, the languages and the text are planted; user and the
        // languages are mapped roles, and one row has it in the time, one in the count.
        try write("logs/translation.csv", """
            日時,文字数,利用者,原文,原文言語,訳文言語,訳文,課
            2024-05-02 10:00,2400,\(s),\(s),\(s),\(s),\(s),国際交流課
            \(s),2400,\(s),\(s),ja,en,\(s),国際交流課
            2024-05-02 11:00,\(s),\(s),\(s),ja,en,\(s),国際交流課

            """, .shiftJIS)
        // A chatbot CSV in UTF-8 whose free-text columns, mapped to no role, sit between mapped ones and
        // hold quoted commas, quotes and line breaks; the session and rating are mapped but never stored.
        // One row is broken by an unclosed quote, so its text runs on over the next line.
        let quoted = "\"\(s),\"\"\(s)\"\"\n\(s)\""
        try write("logs/chat2.csv", """
            日時,質問文,カテゴリ,自由記述,回答状況,セッション,評価
            2024/05/07 10:00:00,\(quoted),税金,\(quoted),回答済,\(s),\(s)
            2024/05/07 10:05:00,\(quoted),税金,\(quoted),\(s),\(s),\(s)
            2024/05/07 10:10:00,"\(s),税金,\(s),回答済,\(s),\(s)
            2024/05/07 10:15:00,\(s),税金,\(s),回答済,\(s),\(s)

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
            not_escalated = ["なし"]
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
            [[source]]
            format = "translation-usage"
            path = "logs/translation.csv"
            [source.columns]
            time = "日時"
            characters = "文字数"
            user = "利用者"
            source_language = "原文言語"
            target_language = "訳文言語"
            department = "課"
            [[source]]
            format = "chatbot-csv"
            path = "logs/chat2.csv"
            [source.columns]
            time = "日時"
            category = "カテゴリ"
            answered = "回答状況"
            session = "セッション"
            rating = "評価"
            [source.values]
            answered = ["回答済"]
            unanswered = ["未回答"]
            """)
        let config = root.appendingPathComponent("kouka.toml").path
        // Another reader keeps the store open throughout, so the write-ahead log is not folded back and
        // deleted when the jobs close it: its bytes are searched too.
        let reader = try SQLiteReader(root.appendingPathComponent("kouka.sqlite").path)
        defer { reader.close() }
        let nightly = try JobProcess.run("kouka-nightly", ["--config", config, "--verbose"])
        #expect(nightly.exitCode == 1, "rows were rejected")
        let summary = try nightly.summary()
        // Every planted-but-broken record is rejected with its line, not dropped: chat.csv 2, Rasa 1, Bot
        // Framework 1, sessions 1, translation.jsonl 1, translation.csv 2, chat2.csv 2 (a value in no list,
        // the unclosed quote, rejected whole through the file's end: in an export that holds citizens' words no line
        // inside a quote is read as a row, so the row it took in is not counted).
        #expect(summary["rowsRejected"] as? Int == 10, "\(nightly.stdout)")
        // Counted: 1 + 1 CSV answers, 1 Rasa answer, 1 Bot Framework answer, 3 transcripts, 1 session, 2 translations.
        #expect(summary["rowsAccepted"] as? Int == 10, "\(nightly.stdout)")
        let report = try JobProcess.run("kouka-report", ["--config", config, "--fiscal-year", "2024", "--csv-shift-jis"])
        #expect(report.exitCode == 0)
        let month = try JobProcess.run("kouka-report", ["--config", config, "--month", "2024-05"])
        #expect(month.exitCode == 0)
        let reportJSON = try Data(contentsOf: root.appendingPathComponent("reports/FY2024/kouka-FY2024.json"))
        let hours = (try JSONSerialization.jsonObject(with: reportJSON) as? [String: Any])?["hoursSaved"] as? [String: Any]
        // Chatbot: 4 answers × 5 min = 20 min = 0.33 h. Minutes: 10 + 10 + 20 audio min × 3 min, and
        // 60 × 4 − 20 = 220 min: 340 min. Translation: (1.2 + 2.4) × (60 − 10) = 180 min.
        let bySystem = hours?["bySystem"] as? [String: Double]
        #expect(bySystem?["chatbot"] == 0.33)
        #expect(bySystem?["minutes"] == 5.67)
        #expect(bySystem?["translation"] == 3.0)
        let audit = try JobProcess.run("kouka-audit", ["--config", config, "--fiscal-year", "2024"])
        let verify = try JobProcess.run("kouka-audit", ["verify", "--config", config])
        #expect(verify.exitCode == 0, "\(verify.stdout)")

        var outputs: [(String, Data)] = []
        for (job, result) in [("nightly", nightly), ("report", report), ("month report", month), ("audit", audit), ("verify", verify)] {
            outputs += [("\(job) stdout", Data(result.stdout.utf8)), ("\(job) stderr", Data(result.stderr.utf8))]
        }
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
        for case let url as URL in enumerator where !url.path.contains("/logs/") && !url.path.hasSuffix(".toml") {
            guard let data = try? Data(contentsOf: url) else { continue }
            outputs.append((url.lastPathComponent, data))
            // A workbook is a zip: its compressed bytes would hide the text, so each part is searched unpacked.
            if url.pathExtension == "xlsx" {
                let parts = try ReportFiles.xlsxParts(url.path)
                #expect(parts.keys.contains("xl/sharedStrings.xml"), "\(url.lastPathComponent) was unpacked")
                outputs += parts.map { ("\(url.lastPathComponent):\($0.key)", $0.value) }
            }
        }
        let names = Set(outputs.map(\.0))
        for expected in ["kouka.sqlite", "kouka.sqlite-wal", "kouka.sqlite-shm", "kouka-FY2024.html", "kouka-FY2024.md", "kouka-FY2024-tasks-sjis.csv",
                         "kouka-2024-05.json", "kouka-FY2024.xlsx:xl/worksheets/sheet1.xml"] {
            #expect(names.contains(expected), "\(expected) was searched")
        }
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
