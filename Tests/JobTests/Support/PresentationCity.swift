import Foundation
import Testing

/// A city for the reports people present (issue 16): robots in 税務課 and 市民課, AI-OCR sheets in 税務課,
/// `[money]` set, a year before to compare with. By hand, FY2024: 税務課 T01 2 runs × (180 − 15) = 330 min
/// (5.50 h RPA) and A01 20 sheets × (6 − 1) = 100 min (1.67 h AI-OCR), 430 min = 7.17 h, ¥21,500 at ¥3,000
/// an hour; the year before 1 run = 2.75 h, so +4.42. 市民課 T02 1 run × 54 = 0.90 h RPA, ¥2,700, the year
/// before 0.
struct PresentationCity {
    let city: SmallCity

    init(_ name: String) throws {
        city = try SmallCity(name)
        try city.write("catalog.csv", """
            task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match
            T01,住民税の課税資料取込,税務課,rpa,runs,180,15,2020-04-01,住民税_*
            T02,転入届の入力,市民課,rpa,runs,60,6,2020-04-01,転入届
            A01,申告書の読取,税務課,ai-ocr,sheets,6,1,2020-04-01,申告書

            """)
        try city.write("kouka.toml", """
            catalog = "catalog.csv"
            output = "reports"
            [[source]]
            format = "power-automate-flowsession"
            path = "logs/*.json"
            [[source]]
            format = "ai-ocr-csv"
            path = "ocr/*.csv"
            [source.columns]
            time = "読取日時"
            form = "帳票名"
            sheets = "読取枚数"
            status = "状態"
            [source.values]
            success = ["完了"]
            failure = ["エラー"]
            [targets.2024]
            rpa_hours = 8
            ai_tasks = 1
            [money]
            hourly_staff_cost_yen = 3000
            [money.licence_yen]
            rpa = 12000
            """)
        func run(_ name: String, _ day: String) -> String {
            #"{"name": "\#(name)", "startedon": "\#(day)T00:00:00Z", "completedon": "\#(day)T00:10:00Z", "runduration": 600, "statuscode": 4}"#
        }
        try city.write("logs/flows.json", "[" + [
            run("住民税_課税", "2024-05-01"), run("住民税_課税", "2024-05-02"), run("転入届", "2024-06-04"), run("住民税_課税", "2023-05-01"),
        ].joined(separator: ",\n") + "]")
        try city.write("ocr/jobs.csv", "読取日時,帳票名,読取枚数,状態\n2024/05/03 09:00,申告書,20,完了\n")
        #expect(try city.nightly().exitCode == 0)
    }

    var root: URL { city.root }

    /// Runs `kouka-report` with `arguments` and a fixed generation time, and expects it to finish (exit 0).
    func report(_ arguments: [String], generatedAt: String = "2025-04-10T05:00:00+09:00") throws {
        let result = try JobProcess.run("kouka-report", ["--config", city.config, "--quiet", "--generated-at", generatedAt] + arguments)
        #expect(result.exitCode == 0, "\(result.stderr)")
    }

    func text(_ path: String) throws -> String { try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) }

    func json(_ path: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent(path))) as? [String: Any])
    }

    /// The workbook as Tests/JobTests/Support/read_xlsx.py reads it (standard library only).
    func workbook(_ path: String) throws -> [String: [String: Any]] {
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        reader.arguments = ["python3", URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("read_xlsx.py").path,
                            root.appendingPathComponent(path).path]
        let pipe = Pipe()
        reader.standardOutput = pipe
        try reader.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        reader.waitUntilExit()
        #expect(reader.terminationStatus == 0)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])
    }

    func remove() { city.remove() }
}
