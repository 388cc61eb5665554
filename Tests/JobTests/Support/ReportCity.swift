import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A city with a store and a report set, for the tests of how report sets are written: a catalog of one
/// task, a flowsession export of `runs` runs, the store read by kouka-nightly.
struct ReportCity {
    let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("kouka-set-\(UUID().uuidString)")
    var config: String { root.appendingPathComponent("kouka.toml").path }
    var output: URL { root.appendingPathComponent("reports") }
    var folder: URL { output.appendingPathComponent("FY2024") }

    init(runs: Int = 20) throws {
        try write("catalog.csv", "task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match\nT01,取込,税務課,rpa,runs,30,5,2020-04-01,住民税_*\n")
        try write("kouka.toml", "catalog = \"catalog.csv\"\noutput = \"reports\"\n[[source]]\nformat = \"power-automate-flowsession\"\npath = \"logs/*.json\"\n")
        try write("logs/a.json", DiskFullTests.flows(runs, prefix: "a"))
    }

    func write(_ name: String, _ text: String) throws {
        let url = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// The report job's arguments for fiscal year 2024 generated at `stamp`.
    func report(at stamp: String = "2025-04-10T05:00:00+09:00", _ more: [String] = []) -> [String] {
        ["--config", config, "--fiscal-year", "2024", "--quiet", "--generated-at", stamp] + more
    }

    /// Every entry of `folder` with its bytes (a folder's or a link's as empty); nil when there is no folder.
    static func snapshot(_ folder: URL) -> [String: Data]? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return nil }
        var files: [String: Data] = [:]
        for name in names { files[name] = (try? Data(contentsOf: folder.appendingPathComponent(name))) ?? Data() }
        return files
    }

    /// Runs the system's `sha256sum -c SHA256SUMS` in `folder`, as an auditor would without Kouka.
    static func sha256sumCheck(_ folder: URL) throws -> JobProcess.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = ["-c", "--strict", "SHA256SUMS"]
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stderr = ReadInBackground(err.fileHandleForReading)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return JobProcess.Result(exitCode: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                                 stderr: String(decoding: stderr.wait(), as: UTF8.self))
    }

    /// Runs a job with extra environment variables, and says whether it was killed by SIGKILL.
    static func run(_ job: String, _ arguments: [String], environment: [String: String]) throws -> (result: JobProcess.Result, killed: Bool) {
        try run(executable: JobProcess.productsFolder.appendingPathComponent(job).path, arguments, environment: environment)
    }

    static func run(executable: String, _ arguments: [String], environment: [String: String]) throws -> (result: JobProcess.Result, killed: Bool) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stderr = ReadInBackground(err.fileHandleForReading)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let result = JobProcess.Result(exitCode: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                                       stderr: String(decoding: stderr.wait(), as: UTF8.self))
        return (result, process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)
    }
}
