import Foundation
@testable import Kouka
import Testing

/// `WrittenReportSources`: a written report's file list against the store's. A file with the same bytes must be stated as
/// the store states it (helper-89's report-source-lines-not-compared.sh moved a rejected row to another file and called a
/// present file gone); a file changed, added or deleted since makes the report older.
struct WrittenReportSourcesTests {
    static let store = [
        SourceLine(path: "robo2/runs_2024.csv", sha256: "aa", format: "rpa-csv", rows: 3, accepted: 2, rejected: 1, status: "present"),
        SourceLine(path: "uipath/2024-06-30_Execution.log", sha256: "bb", format: "uipath-execution-log", rows: 3, accepted: 3, rejected: 0, status: "present"),
        SourceLine(path: "old.csv", sha256: "cc", format: "rpa-csv", rows: 1, accepted: 1, rejected: 0, status: "gone"),
    ]

    static func written(_ lines: [SourceLine]) throws -> Any {
        try JSONSerialization.jsonObject(with: JSONEncoder().encode(["sources": lines]))
    }

    @Test func theStoresOwnListHasNoDifference() throws {
        let found = try WrittenReportSources.compare(Self.written(Self.store), store: Self.store, readSince: { _ in false })
        #expect(found.changed.isEmpty && found.differences.isEmpty)
    }

    @Test func aRejectedRowMovedAndAFileCalledGoneAreNamed() throws {
        var forged = Self.store
        forged[0].rejected = 0
        forged[0].accepted = 3
        forged[1].rejected = 1
        forged[1].status = "gone"
        // No nightly run read a file since the report was made: every line must be the store's.
        let found = try WrittenReportSources.compare(Self.written(forged), store: Self.store, readSince: { _ in false })
        #expect(found.changed.isEmpty)
        #expect(found.differences.map(\.field).sorted() == [
            "sources[robo2/runs_2024.csv].accepted", "sources[robo2/runs_2024.csv].rejected",
            "sources[uipath/2024-06-30_Execution.log].rejected", "sources[uipath/2024-06-30_Execution.log].status",
        ])
    }

    @Test func filesChangedAddedOrDeletedSinceMakeItOlder() throws {
        var then = Self.store
        then[0].sha256 = "a0"
        then[2].status = "present"
        then.remove(at: 1)
        then.append(SourceLine(path: "renamed-away.csv", sha256: "dd", format: "rpa-csv", rows: 1, accepted: 1, rejected: 0, status: "present"))
        let found = try WrittenReportSources.compare(Self.written(then), store: Self.store, readSince: { _ in true })
        #expect(found.differences.isEmpty)
        #expect(found.changed == [
            "old.csv (deleted since)", "renamed-away.csv (counted by the report, not now)", "robo2/runs_2024.csv (other bytes now)",
            "uipath/2024-06-30_Execution.log (counted now, not by the report)",
        ])
    }

    /// A file listed with other bytes, or missing from the list, though no nightly run read it since the report was made: the
    /// report states it otherwise than it was (helper-90's fake-sha-hides-source-lines.sh), where one read since is newer.
    @Test func aFileNotReadSinceMustBeListedAsTheStoreHasIt() throws {
        var forged = Self.store
        forged[0].sha256 = "ff"
        forged.remove(at: 1)
        let found = try WrittenReportSources.compare(Self.written(forged), store: Self.store, readSince: { $0 == "old.csv" })
        #expect(found.changed.isEmpty)
        #expect(found.differences.map(\.field).sorted() == ["sources[robo2/runs_2024.csv].sha256", "sources[uipath/2024-06-30_Execution.log]"])
        let newer = try WrittenReportSources.compare(Self.written(forged), store: Self.store, readSince: { _ in true })
        #expect(newer.differences.isEmpty && newer.changedPaths == ["robo2/runs_2024.csv", "uipath/2024-06-30_Execution.log"])
    }
}

extension WrittenReportSourcesTests {
    /// A late export first, the files retention deleted (their figures kept) after and counted (helper-150 #3).
    @Test func filesReadSinceAreNamedBeforeFilesDeletedSince() {
        let changed = ["a.log (deleted since)", "b.log (deleted since)", "c.log (deleted since)", "late.csv (other bytes now)"]
        #expect(WrittenReportCheck.sourcesListed(changed) == "late.csv (other bytes now); a.log (deleted since); b.log (deleted since); and 1 more — 3 of them deleted since, their figures kept by the store")
    }
}
