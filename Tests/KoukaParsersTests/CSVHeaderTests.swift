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

    /// Headers are worked out once and kept by their bytes: a header that spells a name decomposed (が as か and a
    /// combining mark, as macOS writes file names) is its own entry, and finds the composed name as before.
    @Test func aHeaderSpelledDecomposedFindsTheComposedName() {
        let composed = "\u{304C}ぞう数", decomposed = "\u{304B}\u{3099}ぞう数"
        #expect(composed == decomposed)
        #expect(Array(composed.utf8) != Array(decomposed.utf8))
        for _ in 0..<2 {
            let a = CSVHeader(names: ["id", composed]), b = CSVHeader(names: ["id", decomposed])
            #expect(a.column(decomposed) == 1)
            #expect(b.column(composed) == 1)
            #expect(b.column(decomposed) == 1)
        }
    }

    @Test func aNameTwiceIsFoundFromAKeptHeaderToo() {
        for _ in 0..<2 {
            let header = CSVHeader(names: ["開始日時", "シナリオ名", "開始日時 ", "状態", "ｼﾅﾘｵ名"])
            let repeated = header.repeated(["開始日時", "状態", "シナリオ名"])
            #expect(repeated.map(\.name) == ["開始日時", "シナリオ名"])
            #expect(repeated.map(\.columns) == [[1, 3], [2, 5]])
            #expect(header.namedCount == 5)
        }
        #expect(CSVHeader(names: ["a", "b", ""]).namedCount == 2)
    }
}
