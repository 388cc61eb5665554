import Foundation
@testable import Kouka
import Testing

/// One rejected row a bad-input case expects: where it is, and a fragment of the reason it must give.
struct ExpectedRejection: CustomStringConvertible {
    var file: String
    var line: Int
    var reason: String

    init(_ file: String, _ line: Int, _ reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    var description: String { "\(file):\(line): …\(reason)…" }
}

extension TemporaryCity {
    /// Runs the nightly job in process, on a fixed day long after the logs were written (so that every
    /// log is closed), with the real clock as now.
    func nightly(today: LocalDate = LocalDate(year: 2026, month: 11, day: 27)) throws -> NightlySummary {
        try NightlyJob(configuration: Configuration.load(path: configPath), logger: .silent, options: NightlyOptions(today: today)).run()
    }

    /// The city's store, as the reports and the audit open it.
    func store() throws -> KoukaStore {
        try KoukaStore(path: root.appendingPathComponent("kouka.sqlite").path)
    }
}

/// Checks the contract for rows that are bad: each rejected row is named in the run's summary with its
/// file, line and a reason; the same file, line and reason are in the store's quarantine (which reports
/// and auditors read); every other row is counted; and the run exits 1 (done, with something to look at).
///
/// The quarantine is compared whole, so a case must start from an empty store or expect every file's rows.
func expectQuarantined(
    _ city: TemporaryCity, _ summary: NightlySummary, _ expected: [ExpectedRejection], accepted: Int,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws {
    let order = { (a: Rejection, b: Rejection) in (a.file, a.line) < (b.file, b.line) }
    let reported = summary.rejections.sorted(by: order)
    let wanted = expected.sorted { ($0.file, $0.line) < ($1.file, $1.line) }
    #expect(reported.map { "\($0.file):\($0.line)" } == wanted.map { "\($0.file):\($0.line)" },
            "summary: \(reported.map { "\($0.file):\($0.line): \($0.reason)" })", sourceLocation: sourceLocation)
    for (rejection, want) in zip(reported, wanted) {
        #expect(rejection.reason.contains(want.reason), "summary: \(rejection.reason) should say \(want.reason)", sourceLocation: sourceLocation)
    }
    #expect(summary.rowsRejected == expected.count, sourceLocation: sourceLocation)
    #expect(summary.rowsAccepted == accepted, "the rest is counted", sourceLocation: sourceLocation)
    #expect(summary.rowsRead == accepted + expected.count, sourceLocation: sourceLocation)
    // The quarantine keeps what the summary said, so that it can be looked at after the run.
    let quarantined = try city.store().rejections().sorted(by: order)
    #expect(quarantined.map { "\($0.file):\($0.line): \($0.reason)" } == reported.map { "\($0.file):\($0.line): \($0.reason)" },
            "quarantine", sourceLocation: sourceLocation)
    #expect(summary.exitCode == .doneWithFindings, sourceLocation: sourceLocation)
}
