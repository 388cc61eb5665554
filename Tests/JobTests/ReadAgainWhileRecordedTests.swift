import Foundation
import Testing

/// Three overlapping WinActor exports read on one night: b leaves t1 out as counted in a, and takes over t2, which a
/// counted unfinished; a, read again without t2, no longer counts t1 for b... and b, read again in the middle of its own
/// recording, was marked superseded. When c then took over t3, which b counted unfinished, b's reading without t3 was
/// dropped: t3 counted in b as a failure and in c as a success, with exit 0, and verify agreed. Read on one night or
/// on three, the exports count t1, t2 and t3 once each, all successes, and verify agrees.
@Suite(.serialized) struct ReadAgainWhileRecordedTests {
    typealias City = UnfinishedRunEndedLaterTests.City

    static let exports: [(String, [(String, String, Int)])] = [
        ("a.csv", [("t1", "FINISH", 1), ("t2", "PROCESSING", 2)]),
        ("b.csv", [("t1", "FINISH", 1), ("t2", "FINISH", 2), ("t3", "PROCESSING", 3)]),
        ("c.csv", [("t2", "FINISH", 2), ("t3", "FINISH", 3)]),
    ]

    @Test(arguments: [true, false])
    func threeExportsCountEachRunOnceWhetherReadOnOneNightOrThree(oneNight: Bool) throws {
        let city = try City()
        defer { try? FileManager.default.removeItem(at: city.root) }
        for (name, rows) in Self.exports {
            try city.export(name, rows)
            if !oneNight { _ = try city.nightly() }
        }
        if oneNight { _ = try city.nightly() }
        // Three successes of (180 − 15) min: 8.25 h, no failure, nothing unfinished; and a store that verifies.
        try UnfinishedRunEndedLaterTests.expectThreeSuccessesThatVerify(city)
    }
}
