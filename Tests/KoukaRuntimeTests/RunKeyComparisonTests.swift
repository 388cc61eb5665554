import Testing
@testable import Kouka

/// Verification's comparison of each file's run ids with those the logs give: the files of a group may keep each
/// other's runs (they arrived in another order), but no run may be missing, added, kept twice, or on days its row
/// does not cover.
struct RunKeyComparisonTests {
    static func day(_ d: Int) -> LocalDate { LocalDate(year: 2024, month: 5, day: d) }
    static func row(_ first: Int, _ last: Int) -> RunKeySetRow { RunKeySetRow(days: day(first)...day(last)) }

    /// A file whose stored ids `stored` were counted on days `first...last` (its rollups' days), and whose reading gives `expected`.
    static func file(_ path: String, stored: [UInt64], days: ClosedRange<Int>?, expected: [UInt64], expectedDays: ClosedRange<Int>?,
                     row: RunKeySetRow?? = .none, inLayout: Bool = true) -> RunKeyComparison.File {
        let storedRow = row ?? days.map { Self.row($0.lowerBound, $0.upperBound) }
        return RunKeyComparison.File(path: path, stored: (storedRow, stored, inLayout), storedRollupDays: days.map { day($0.lowerBound)...day($0.upperBound) },
                                     expected: (expectedDays.map { Self.row($0.lowerBound, $0.upperBound) }, expected))
    }

    @Test func runsKeptByAnotherFileOfTheGroupAreNoDifference() {
        // The store read b first (runs 6–15), a second (1–5); the logs read again a first (1–10), b second (11–15).
        let files = [Self.file("a", stored: Array(1...5), days: 1...5, expected: Array(1...10), expectedDays: 1...10),
                     Self.file("b", stored: Array(6...15), days: 6...15, expected: Array(11...15), expectedDays: 11...15)]
        #expect(RunKeyComparison.differences(files).isEmpty)
    }

    @Test func aFileMissingRunIDsOrHoldingOthersIsNamed() {
        let missing = RunKeyComparison.differences([Self.file("a", stored: [], days: 1...10, expected: Array(1...10), expectedDays: 1...10)])
        #expect(missing.map(\.subject) == ["a"])
        #expect(missing.first?.detail.contains("10 run ids the logs give are missing") == true)
        #expect(missing.first?.detail.contains("kouka-nightly --since 2024-05-01") == true)
        let other = RunKeyComparison.differences([Self.file("a", stored: [1, 2, 99], days: 1...2, expected: [1, 2, 3], expectedDays: 1...3),
                                                  Self.file("b", stored: [4], days: 4...4, expected: [4], expectedDays: 4...4)])
        #expect(other.map(\.subject) == ["a"], "b keeps what its reading gives")
    }

    @Test func aRowMissingOrNotGivingTheDaysOfItsRollupsIsNamed() {
        for row: RunKeySetRow? in [nil, Self.row(1, 5), RunKeySetRow(firstDay: "2024-05-01", lastDay: "2024-05-10", spanClass: 0)] {
            let found = RunKeyComparison.differences([Self.file("a", stored: Array(1...10), days: 1...10, expected: Array(1...10), expectedDays: 1...10,
                                                                row: .some(row))])
            #expect(found.map(\.subject) == ["a"], "\(String(describing: row))")
        }
        // A file whose runs all count in another file has no rollups, and no row.
        let none = RunKeyComparison.differences([Self.file("a", stored: Array(1...10), days: 1...10, expected: [], expectedDays: nil),
                                                 Self.file("b", stored: [], days: nil, expected: Array(1...10), expectedDays: 1...10)])
        #expect(none.isEmpty)
    }

    @Test func chunksNotAsKoukaWritesThemAreNamed() {
        #expect(RunKeyComparison.differences([Self.file("a", stored: [1, 2], days: 1...2, expected: [1, 2], expectedDays: 1...2, inLayout: false)])
            .map(\.subject) == ["a"])
    }

    @Test func aRunKeptByTwoFilesOfTheGroupIsNamed() {
        let found = RunKeyComparison.differences([Self.file("a", stored: [1, 2, 3], days: 1...3, expected: [1, 2], expectedDays: 1...2),
                                                  Self.file("b", stored: [3, 4], days: 3...4, expected: [3, 4], expectedDays: 3...4)])
        #expect(found.map(\.subject).sorted() == ["a", "b"])
    }

    @Test func onlyFilesReadAgainWhoseDigestsDifferAreCompared() {
        func line(_ id: Int64, _ path: String, _ status: SourceFileRecord.Status = .present) -> SourceFileRecord {
            SourceFileRecord(id: id, path: path, format: "winactor-task-csv", size: 1, sha256: "s", status: status)
        }
        let stored = [line(1, "same"), line(2, "changed"), line(3, "gone", .gone), line(4, "grown"), line(5, "copy now counted", .duplicate),
                      line(6, "no run ids")]
        let replayed = [line(11, "same"), line(12, "changed"), line(14, "grown"), line(15, "copy now counted"), line(16, "no run ids"),
                        line(17, "logs only")]
        let files = RunKeyComparison.filesToCompare(
            stored: stored, storedDigests: [1: "a", 2: "b", 3: "c", 4: "d"], readable: ["same", "changed", "no run ids"],
            takenAsStored: ["gone", "grown"], replayed: replayed, replayedDigests: [11: "a", 12: "B", 14: "D", 15: "e", 17: "f"])
        #expect(files.map(\.path) == ["changed", "copy now counted", "logs only"])
        #expect(files.map(\.stored) == [2, 5, nil])
        #expect(files.map(\.replayed) == [12, 15, 17])
    }
}
