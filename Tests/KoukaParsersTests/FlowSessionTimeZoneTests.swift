import Foundation
import Kouka
import Testing

/// Issue 13 item 9: Dataverse keeps flowsession times in UTC. An export re-saved by Excel loses the `Z`
/// (`2025/3/31 20:00`), not the UTC: such times are read as UTC unless the source names another zone.
@Suite struct FlowSessionTimeZoneTests {
    static let header = "flowsessionid,name,startedon,completedon,runduration,statuscode"
    /// 2025-03-31T20:00:00Z = 1,743,451,200 = 05:00 on 2025-04-01 in Tokyo: FY2025.
    static let utcEightPM = 1_743_451_200.0

    static func parse(_ rows: [String], options: SourceOptions = SourceOptions()) throws -> CollectingSink {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("flowsessions.csv", Data(([Self.header] + rows).joined(separator: "\n").utf8))
        let sink = CollectingSink()
        _ = try PowerAutomateFlowSessionParser(options: options).parse(path: path, context: tokyoContext(path), into: sink)
        return sink
    }

    /// The old reading put the Excel copy at 20:00 Tokyo time (11:00Z), on March 31: FY2024, nine hours and
    /// a fiscal year away from the same run written with its `Z`.
    @Test func aTimeWithoutAnOffsetIsUTC() throws {
        let sink = try Self.parse([
            "a,国保_異動,2025-03-31T20:00:00Z,2025-03-31T20:10:00Z,,4",
            "b,国保_異動,2025/3/31 20:00,2025/3/31 20:10,,4",
        ])
        #expect(sink.events.map(\.epoch) == [Self.utcEightPM, Self.utcEightPM])
        // completedon − startedon = 600 s in both.
        #expect(sink.events.map(\.machineSeconds) == [600, 600])
        #expect(sink.events.allSatisfy { LocalClock.tokyo.localDate(of: $0.occurredAt) == LocalDate(year: 2025, month: 4, day: 1) })
        #expect(sink.events.allSatisfy { FiscalYear(containing: LocalClock.tokyo.localDate(of: $0.occurredAt)).startYear == 2025 })
    }

    /// A source whose export tool writes local times says so: `timezone = "Asia/Tokyo"` reads 20:00 as
    /// 20:00 in Tokyo = 11:00Z = 1,743,418,800, on March 31 (FY2024). A time with its `Z` is unaffected.
    @Test func aSourceNamesItsOwnZone() throws {
        let tokyo = SourceOptions(timeZone: TimeZone(identifier: "Asia/Tokyo"))
        let sink = try Self.parse(["b,国保_異動,2025/3/31 20:00,2025/3/31 20:10,,4", "a,国保_異動,2025-03-31T20:00:00Z,,,4"], options: tokyo)
        #expect(sink.events.map(\.epoch) == [1_743_418_800, Self.utcEightPM])
        #expect(LocalClock.tokyo.localDate(of: sink.events[0].occurredAt) == LocalDate(year: 2025, month: 3, day: 31))
    }

    /// A run still running waits until it is older than the allowed age, counted from its UTC start: started
    /// 2025/3/31 20:00 UTC, "now" 2025-04-01 00:00 Tokyo (15:00Z on March 31) is before it started — it
    /// waits. Read as Tokyo time it would have been 4 hours old.
    @Test func aRunningRunsAgeIsCountedFromItsUTCStart() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("f.csv", Data([Self.header, "r,国保_異動,2025/3/31 20:00,,,3"].joined(separator: "\n").utf8))
        let sink = CollectingSink()
        let context = tokyoContext(path, today: LocalDate(year: 2025, month: 4, day: 1), pendingMaxAge: 3600)
        let summary = try PowerAutomateFlowSessionParser().parse(path: path, context: context, into: sink)
        #expect(summary.pendingRuns == 1)
        #expect(sink.events.isEmpty)
    }

    /// Only the flowsession format reads a source's zone; given to another, it would be ignored, so it is refused.
    @Test func anotherFormatRefusesASourceZone() throws {
        let options = SourceOptions(columns: ["task": "名前", "start": "開始"], timeZone: TimeZone(identifier: "UTC"))
        let rpa = try #require(FormatRegistry.factories["rpa-csv"])
        #expect(throws: MappingError.self) { try rpa(options) }
        let flow = try #require(FormatRegistry.factories["power-automate-flowsession"])
        #expect(throws: Never.self) { try flow(SourceOptions(timeZone: TimeZone(identifier: "UTC"))) }
    }
}
