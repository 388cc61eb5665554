import Foundation
import Testing

/// Exports of days without runs are their header alone, byte for byte the same every quiet day: each is a copy of the first,
/// and counts nothing either way. Named as copies, every quiet night exited 1 for nothing; a copy of an export that holds
/// runs is still named.
@Suite(.serialized) struct EmptyExportCopiesTests {
    typealias City = UnfinishedRunEndedLaterTests.City

    static func duplicates(_ summary: [String: Any]) -> [String] {
        (summary["filesDuplicate"] as? [[String: Any]])?.compactMap { $0["path"] as? String } ?? []
    }

    @Test func quietDaysExportsAreNotNamedAsCopies() throws {
        let city = try City()
        defer { city.remove() }
        for day in 1...3 {
            try city.export("day-\(day).csv", [])
            let night = try city.nightly()
            #expect(night["exitCode"] as? Int == 0, "\(night)")
            #expect(Self.duplicates(night).isEmpty)
        }
        // A copy of an export that holds runs is a copy worth a look.
        let runs: [(String, String, Int)] = [("t1", "FINISH", 1)]
        try city.export("day-4.csv", runs)
        try city.export("day-5.csv", runs)
        let copied = try city.nightly()
        #expect(copied["exitCode"] as? Int == 1)
        #expect(Self.duplicates(copied) == ["logs/day-5.csv"])
        let task = try city.task()
        #expect(task["successes"] as? Int == 1)
        #expect(try city.verify().code == 0)
    }
}
