#if canImport(Glibc)
import Glibc
#endif

/// A job's `main`: reads its arguments against `command`, answers `--help`, `--version` and `--manual-page` itself,
/// and hands the rest to `body`, whose result is the process's exit code. Bad arguments, and a `JobUsageError` that
/// `body` throws while it checks them (before any work), print the usage on stderr and exit 64.
package enum JobMain {
    package static func run(_ command: JobCommand, arguments: [String] = Array(CommandLine.arguments.dropFirst()),
                            _ body: (JobArguments) throws(JobUsageError) -> Int32) -> Never {
        switch JobCommandLine.read(arguments, for: command) {
        case .help(let text):
            print(text, terminator: "")
            exit(0)
        case .version:
            print(KoukaVersion.current)
            exit(0)
        case .manualPage(let date):
            print(JobManualPage.render(command, date: date), terminator: "")
            exit(0)
        case .failure(let error, let path):
            writeError(JobCommandHelp.failure(error, path: path))
            exit(KoukaExitCode.usage.rawValue)
        case .run(let arguments):
            do throws(JobUsageError) {
                exit(try body(arguments))
            } catch {
                writeError(JobCommandHelp.failure(error, path: arguments.path))
                exit(KoukaExitCode.usage.rawValue)
            }
        }
    }

    private static func writeError(_ text: String) {
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
            if count <= 0 { return }
            written += count
        }
    }
}
