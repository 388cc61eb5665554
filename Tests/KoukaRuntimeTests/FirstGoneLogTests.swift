import Foundation
@testable import Kouka
import Testing

/// Verification looks for a robot's log of a later day gone from disk by bisecting the robot's logs by date
/// (`RunsEndedInGoneLogs.firstGone`): it must find the log looking through all of them finds, the earliest.
@Suite struct FirstGoneLogTests {
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func theLogFoundIsTheEarliestGoneOneOfTheWindow(seed: UInt64) {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let first = LocalDate(year: 2024, month: 3, day: 25)
        // A robot's logs with days missing, some of them gone from disk.
        let logs = (0..<60).filter { _ in next(4) != 0 }.map { day in
            (date: first.adding(days: day), path: "uipath/robot01/\(first.adding(days: day))_Execution.log")
        }
        let onDisk = Set(logs.map(\.path).filter { _ in next(3) != 0 })
        var compared = 0
        for day in 0..<62 {
            let after = first.adding(days: day - 1)
            for length in [1, 2, 5, 30] {
                let last = after.adding(days: length)
                let expected = logs.filter { $0.date > after && $0.date <= last && !onDisk.contains($0.path) }.min { $0.date < $1.date }
                let found = RunsEndedInGoneLogs.firstGone(in: logs, after: after, through: last, onDisk: onDisk)
                #expect(found?.path == expected?.path, "after \(after) through \(last)")
                if expected != nil { compared += 1 }
            }
        }
        // Most windows hold a gone log, so the comparison is of logs found, not only of none.
        #expect(compared > 100)
    }

    @Test func noLogsGiveNone() {
        let day = LocalDate(year: 2024, month: 4, day: 1)
        #expect(RunsEndedInGoneLogs.firstGone(in: [], after: day, through: day.adding(days: 3), onDisk: []) == nil)
    }
}
