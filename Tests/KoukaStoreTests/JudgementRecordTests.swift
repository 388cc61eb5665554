import Foundation
import Kouka
import Testing

/// Issue 13 items 12 and 7 in the store: each ledger line records the office hours its chatbot answers were
/// judged by, and each rollup whether it is a running total; a store written before either was kept is
/// migrated so that nothing is taken for what it is not.
struct JudgementRecordTests {
    typealias F = StoreFixtures

    @Test func theOfficeHoursAndRunningTotalsAreKept() throws {
        let store = try KoukaStore(path: ":memory:")
        var chat = F.record("chat.csv")
        chat.format = "chatbot-csv"
        chat.officeHours = "mon-fri 09:00-17:00"
        try store.replaceContribution(of: chat, rollups: [F.key(F.april1, task: "税金", family: .chatbot, unit: .inquiries): F.totals(3)], rejections: [])
        var deepl = F.record("deepl.jsonl")
        deepl.format = "deepl-usage"
        let period = RollupKey(date: F.april1, department: "", family: .translation, taskName: "DeepL", outcome: .success, unit: .characters,
                               cumulative: true)
        try store.replaceContribution(of: deepl, rollups: [period: F.totals(1, quantity: 5_000)], rejections: [])
        #expect(try store.source(path: "chat.csv")?.officeHours == "mon-fri 09:00-17:00")
        #expect(try store.source(path: "deepl.jsonl")?.officeHours == nil)
        let rollups = try store.rollups(from: F.april1, to: F.april1)
        #expect(rollups.filter(\.key.cumulative).map(\.totals.quantity) == [5_000])
        #expect(rollups.filter { !$0.key.cumulative }.map(\.key.family) == [.chatbot])
        let id = try #require(try store.source(path: "deepl.jsonl")?.id)
        #expect(try store.rollups(ofSource: id).map(\.key) == [period])
    }

    /// A store of the schema before (v6): its chatbot file's hours are not known, so its line says `unknown`
    /// (and the next nightly run reads it again); its DeepL rollups are running totals; the rest is as it was.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3"), "needs the sqlite3 command"))
    func aStoreWrittenBeforeIsMigratedWithoutGuessing() throws {
        let path = F.temporaryDatabasePath()
        defer { F.removeDatabase(path) }
        do {
            let store = try KoukaStore(path: path)
            var chat = F.record("chat.csv")
            chat.format = "chatbot-csv"
            try store.replaceContribution(of: chat, rollups: [F.key(F.april1, task: "税金", family: .chatbot, unit: .inquiries): F.totals(3)], rejections: [])
            var deepl = F.record("deepl.jsonl")
            deepl.format = "deepl-usage"
            try store.replaceContribution(of: deepl, rollups: [F.key(F.april1, task: "DeepL", family: .translation, unit: .characters): F.totals(1, quantity: 5_000)],
                                          rejections: [])
            try store.replaceContribution(of: F.record("robot.log"), rollups: [F.key(F.april1): F.totals(2)], rejections: [])
        }
        // Back to v6, as an earlier Kouka left it.
        try StoreSurgery.run(path, """
            ALTER TABLE rollups DROP COLUMN cumulative; ALTER TABLE source_files DROP COLUMN office_hours;
            ALTER TABLE source_files DROP COLUMN rollups_sha256;
            DELETE FROM migrations WHERE name IN ('v7', 'v8', 'v9', 'v12', 'rollup digests kept');
            """)
        let store = try KoukaStore(path: path)
        try store.checkSchema()
        #expect(try store.sources().map { "\($0.path) \($0.officeHours ?? "-")" } == ["chat.csv unknown", "deepl.jsonl -", "robot.log -"])
        let rollups = try store.rollups(from: F.april1, to: F.april1)
        #expect(rollups.map { "\($0.key.family.rawValue) \($0.key.cumulative)" }.sorted() == ["chatbot false", "rpa false", "translation true"])
    }
}
