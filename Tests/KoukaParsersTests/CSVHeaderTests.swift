import Kouka
import Testing

/// `CSVHeader`: column names compared after NFKC, trimming and lower-casing.
struct CSVHeaderTests {
    @Test func namesAreComparedAfterNormalisation() {
        let header = CSVHeader(names: ["タスクID", " 実行時間（秒） ", "StatusCode", "ｼﾅﾘｵ名"])
        #expect(header.column("タスクID") == 0)
        #expect(header.column("実行時間(秒)") == 1)
        #expect(header.column("実行時間（秒）") == 1)
        #expect(header.column("statuscode") == 2)
        // Half-width katakana are the full-width ones after NFKC.
        #expect(header.column("シナリオ名") == 3)
        #expect(header.column("状態") == nil)
    }

    @Test func theFirstOfTwoEqualNamesWins() {
        let header = CSVHeader(names: ["name", "value", "Name"])
        #expect(header.column("NAME") == 0)
        #expect(header.names == ["name", "value", "Name"])
    }

    @Test func missingListsWhatTheHeaderLacksInOrder() {
        let header = CSVHeader(names: ["name", "startedon"])
        #expect(header.missing(["name", "statuscode", "startedon", "completedon"]) == ["statuscode", "completedon"])
        #expect(header.missing([]) == [])
    }
}
