import Foundation

/// Runs a built job executable the way cron does: no terminal, no stdin, and captures what it prints.
struct JobProcess {
    struct Result {
        var exitCode: Int32
        var stdout: String
        var stderr: String

        /// The summary JSON the job printed on stdout.
        func summary() throws -> [String: Any] {
            try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any] ?? [:]
        }

        /// A report set written: exit 0, or 1 because it restates the figures of the set it replaced, made after its period
        /// was over (`restated` in its summary), as a report made again after a file changed does.
        var wroteTheSet: Bool {
            exitCode == 0 || exitCode == 1 && ((try? summary())?["restated"] as? [String: Any]) != nil
        }
    }

    /// The folder holding the built products: the test bundle sits beside the executables.
    static let productsFolder: URL = {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("kouka-nightly").path) { return url }
            url.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.build/debug").standardizedFileURL
    }()

    static func run(_ job: String, _ arguments: [String]) throws -> Result {
        try run(executable: productsFolder.appendingPathComponent(job).path, arguments)
    }

    static func run(executable: String, _ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes before waiting, so a chatty job cannot block on a full pipe.
        let stderrData = ReadInBackground(err.fileHandleForReading)
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(exitCode: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
                      stderr: String(decoding: stderrData.wait(), as: UTF8.self))
    }
}

/// Drains a pipe on another thread.
final class ReadInBackground: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
