import Foundation

/// Encodes a job's summary as the one JSON document on stdout.
public enum SummaryPrinter {
    public static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// The summary of a run that stopped on an error, so cron's mail still gets JSON.
    public static func failure(job: String, error: any Error, code: KoukaExitCode) -> String {
        json(["job": job, "error": "\(error)", "exitCode": "\(code.rawValue)"])
    }
}
