import Foundation

/// Encodes a job's summary as the one JSON document on stdout (and in the `--summary` file).
package enum SummaryPrinter {
    /// `value` as JSON: indented for people on stdout, or `compact` on one line for the `.jsonl` history.
    package static func json(_ value: some Encodable, compact: Bool = false) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = compact ? [.sortedKeys, .withoutEscapingSlashes] : [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            // Never an empty summary that cron would take for a run with nothing to say; the exit code a
            // number like every other summary's.
            return #"{"error":"the summary could not be written as JSON (\#(String(describing: error).replacingOccurrences(of: "\"", with: "'"))); see the job's log","exitCode":70}"#
        }
    }

    /// The summary of a run that stopped on an error, so cron's mail still gets JSON.
    package static func failure(job: String, error: any Error, code: KoukaExitCode) -> FailureSummary {
        FailureSummary(job: job, error: "\(error)", exitCode: code)
    }
}

/// What a run that stopped on an error says: which job, why, and its exit code, a number like the
/// `exitCode` of every other summary so one parser reads them all.
package struct FailureSummary: Sendable, Codable, Hashable {
    package var job: String
    package var error: String
    package var exitCode: KoukaExitCode
}
