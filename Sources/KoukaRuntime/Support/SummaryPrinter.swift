import Foundation

/// Encodes a job's summary as the one JSON document on stdout.
public enum SummaryPrinter {
    public static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            // Never an empty summary that cron would take for a run with nothing to say.
            return #"{"error":"the summary could not be written as JSON (\#(String(describing: error).replacingOccurrences(of: "\"", with: "'"))); see the job's log","exitCode":"70"}"#
        }
    }

    /// The summary of a run that stopped on an error, so cron's mail still gets JSON.
    public static func failure(job: String, error: any Error, code: KoukaExitCode) -> String {
        json(["job": job, "error": "\(error)", "exitCode": "\(code.rawValue)"])
    }
}
