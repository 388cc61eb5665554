import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Logging

/// What every job's `main` does around its work: logging to stderr, the summary on stdout, and errors
/// mapped to the cron contract's exit codes. Returns the exit code.
package enum JobRunner {
    /// Sets up logfmt logging on stderr once per process.
    package static func bootstrapLogging(verbose: Bool, quiet: Bool) {
        let level: Logger.Level = verbose ? .debug : (quiet ? .error : .info)
        LoggingSystem.bootstrap { label in
            var handler = LogfmtLogHandler(label: label)
            handler.logLevel = level
            return handler
        }
    }

    /// Runs `work`, prints its summary (as JSON, or through `print` when given), writes it to `summaryPath`
    /// (with a line in `summaryPath.jsonl`) when given, and returns the exit code the process should end with.
    package static func run<Summary: Encodable>(
        job: String, logger: Logger, print render: ((Summary) -> String)? = nil, summary summaryPath: String? = nil,
        _ work: () throws -> (Summary, KoukaExitCode)
    ) -> Int32 {
        // Reports and the store hold the city's figures: owner and group only (files 0640, folders 0750).
        umask(0o027)
        // A file-size limit (ulimit -f) would otherwise kill the job with SIGXFSZ half-way through a write;
        // ignored, the write fails like a full disk does, and the job stops with 73, its old files intact.
        signal(SIGXFSZ, SIG_IGN)
        do {
            let (summary, code) = try work()
            print(render.map { $0(summary) } ?? SummaryPrinter.json(summary))
            return keep(summary, code: code, at: summaryPath, logger: logger).rawValue
        } catch {
            let code = KoukaExitCode.code(for: error)
            logger.error("run stopped", metadata: ["reason": "\(error)", "exit": "\(code.rawValue)"])
            let failure = SummaryPrinter.failure(job: job, error: error, code: code)
            print(SummaryPrinter.json(failure))
            return keep(failure, code: code, at: summaryPath, logger: logger).rawValue
        }
    }

    /// Writes the summary file when one was asked for; a summary that cannot be written makes the run's
    /// exit code 73 (unless it already failed), since monitoring would otherwise read last night's as this one's.
    private static func keep(_ summary: some Encodable, code: KoukaExitCode, at path: String?, logger: Logger) -> KoukaExitCode {
        guard let path else { return code }
        do {
            try SummaryFile.write(SummaryPrinter.json(summary), line: SummaryPrinter.json(summary, compact: true), to: path)
            return code
        } catch {
            logger.error("cannot write the summary file", metadata: ["file": "\(path)", "reason": "\(error.reason)"])
            return code.rawValue >= KoukaExitCode.usage.rawValue ? code : .cannotWrite
        }
    }
}
