import Foundation
import Kouka
import Testing

/// Issue 13 item 8: a UiPath run's failed queue items are failed items; they do not make a run that ended
/// normally a failed run. A run that failed (an Error line) or never finished still is a failed or
/// unfinished run, beside its items.
@Suite struct UiPathFailedItemsTests {
    typealias L = ExecutionLogLine

    static func tx(_ minute: Int, _ status: String, job: String) -> String {
        let time = "13:0\(minute):00"
        return L.make("\(time).0000", message: "Transaction ended", timeStamp: "2024-04-01T\(time)+09:00", process: "国保異動", job: job,
                      extra: #""queueName":"異動届","transactionID":"t\#(minute)","transactionState":"Ended","transactionStatus":"\#(status)""#)
    }

    static func started(_ job: String) -> String {
        L.make("13:00:00.0000", message: "国保異動 execution started", timeStamp: "2024-04-01T13:00:00+09:00", process: "国保異動", job: job)
    }

    static func ended(_ job: String) -> String {
        L.end("13:09:00.0000", timeStamp: "2024-04-01T13:09:00+09:00", seconds: 540, process: "国保異動", job: job)
    }

    static func parse(_ lines: [String]) throws -> CollectingSink {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("2024-04-01_Execution.log", Data((lines.joined(separator: "\n") + "\n").utf8))
        let sink = CollectingSink()
        _ = try UiPathExecutionLogParser().parse(path: path, context: tokyoContext(path), into: sink)
        return sink
    }

    /// The issue's run: 3 Successful + 1 Failed transaction, then "execution ended". The old reading made it
    /// one success and one failure costed as a failed run. Right: 3 items saved, 1 item failed, no failed run
    /// (no event in runs), so a catalog row in runs charges no rework for it.
    @Test func aNormallyEndedRunWithAFailedItemIsNoFailedRun() throws {
        let sink = try Self.parse([
            Self.started("q"), Self.tx(1, "Successful", job: "q"), Self.tx(2, "Failed", job: "q"),
            Self.tx(3, "Successful", job: "q"), Self.tx(4, "Successful", job: "q"), Self.ended("q"),
        ])
        #expect(sink.events.map(\.outcome) == [.success, .failure])
        #expect(sink.events.map(\.unit) == [.items, .items])
        #expect(sink.events.map(\.quantity) == [3, 1])
        #expect(!sink.events.contains { $0.unit == .runs }, "no failed run")
        // The machine time is the run's, once.
        #expect(sink.events.map(\.machineSeconds) == [540, nil])
    }

    /// A run with an Error line of logType Default failed: 1 item saved, 2 items failed, and 1 failed run.
    @Test func aFailedRunIsAFailedRunBesideItsItems() throws {
        let error = L.make("13:05:00.0000", "Error", message: "Job stopped with an unexpected exit", levelName: "Error",
                           timeStamp: "2024-04-01T13:05:00+09:00", process: "国保異動", job: "e")
        let sink = try Self.parse([
            Self.started("e"), Self.tx(1, "Successful", job: "e"), Self.tx(2, "Failed", job: "e"), Self.tx(3, "Failed", job: "e"),
            error, Self.ended("e"),
        ])
        #expect(sink.events.map(\.outcome) == [.success, .failure, .failure])
        #expect(sink.events.map(\.unit) == [.items, .items, .runs])
        #expect(sink.events.map(\.quantity) == [1, 2, 1])
    }

    /// Under the catalog: a row in items charges rework per failed item, a row in runs per failed run. With
    /// 12 minutes of rework: the normally ended run costs 1 × 12 = 12 min (items row) or 0 (runs row, whose
    /// successes in items are a unit mismatch anyway); the failed run costs 2 × 12 = 24 (items) or 1 × 12 (runs).
    @Test func reworkFollowsTheRowsUnit() throws {
        func rework(_ sink: CollectingSink, _ unit: EffectUnit) -> Double {
            let entry = CatalogEntry(taskID: "T", name: "国保異動", department: "保険年金課", system: .rpa, unit: unit,
                                     manualMinutesPerUnit: 10, residualMinutesPerUnit: 1, reworkMinutesPerFailure: 12,
                                     validFrom: LocalDate(year: 2020, month: 4, day: 1), patterns: ["国保異動"])
            return sink.events.filter { $0.outcome.isFailure }.reduce(0) { total, event in
                var totals = RollupTotals()
                totals.add(event)
                return total + (EffectModel.savedMinutes(outcome: event.outcome, unit: event.unit, totals: totals, entry: entry) ?? .nan)
            }
        }
        let normal = try Self.parse([Self.started("q"), Self.tx(1, "Successful", job: "q"), Self.tx(2, "Failed", job: "q"), Self.ended("q")])
        #expect(rework(normal, .items) == -12)
        #expect(rework(normal, .runs) == 0)
        let error = L.make("13:05:00.0000", "Error", message: "stopped", levelName: "Error", timeStamp: "2024-04-01T13:05:00+09:00",
                           process: "国保異動", job: "e")
        let failed = try Self.parse([Self.started("e"), Self.tx(2, "Failed", job: "e"), Self.tx(3, "Failed", job: "e"), error, Self.ended("e")])
        #expect(rework(failed, .items) == -24)
        #expect(rework(failed, .runs) == -12)
    }
}
