import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Logging

/// What every job's `main` does around its work: logging to stderr, the summary on stdout, and errors
/// mapped to the cron contract's exit codes. Returns the exit code.
public enum JobRunner {
    /// Sets up logfmt logging on stderr once per process.
    public static func bootstrapLogging(verbose: Bool, quiet: Bool) {
        let level: Logger.Level = verbose ? .debug : (quiet ? .error : .info)
        LoggingSystem.bootstrap { label in
            var handler = LogfmtLogHandler(label: label)
            handler.logLevel = level
            return handler
        }
    }

    /// Runs `work`, prints its summary (as JSON, or through `print` when given), and returns the exit
    /// code the process should end with.
    public static func run<Summary: Encodable>(
        job: String, logger: Logger, print render: ((Summary) -> String)? = nil, _ work: () throws -> (Summary, KoukaExitCode)
    ) -> Int32 {
        // Reports and the store hold the city's figures: owner and group only (files 0640, folders 0750).
        umask(0o027)
        // A file-size limit (ulimit -f) would otherwise kill the job with SIGXFSZ half-way through a write;
        // ignored, the write fails like a full disk does, and the job stops with 73, its old files intact.
        signal(SIGXFSZ, SIG_IGN)
        do {
            let (summary, code) = try work()
            print(render.map { $0(summary) } ?? SummaryPrinter.json(summary))
            return code.rawValue
        } catch {
            let code = KoukaExitCode.code(for: error)
            logger.error("run stopped", metadata: ["reason": "\(error)", "exit": "\(code.rawValue)"])
            print(SummaryPrinter.failure(job: job, error: error, code: code))
            return code.rawValue
        }
    }
}
