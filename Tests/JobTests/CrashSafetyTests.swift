import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Kill the nightly job at any moment — SIGKILL, no chance to clean up — and run it again: the store is
/// consistent and the reports equal those of one uninterrupted run. SIGTERM stops it between files.
@Suite(.serialized) struct CrashSafetyTests {
    static let sampleLogs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../SampleLogs").standardizedFileURL

    /// A city with the sample UiPath and WinActor logs (several seconds of work for a debug build).
    static func city() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["uipath", "winactor"] {
            try FileManager.default.copyItem(at: sampleLogs.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        try FileManager.default.copyItem(at: sampleLogs.appendingPathComponent("catalog.csv"), to: root.appendingPathComponent("catalog.csv"))
        try Data("""
            catalog = "catalog.csv"
            output = "reports"
            [[source]]
            format = "winactor-task-csv"
            path = "winactor/*.csv"
            [[source]]
            format = "uipath-execution-log"
            path = "uipath/*_Execution.log"
            """.utf8).write(to: root.appendingPathComponent("kouka.toml"))
        return root
    }

    /// Starts the nightly job, sends `signal` after `delay` seconds, and returns its exit status.
    static func interrupt(_ root: URL, after delay: Double, with signal: Int32) throws -> (status: Int32, signalled: Bool, stdout: String) {
        let process = Process()
        process.executableURL = JobProcess.productsFolder.appendingPathComponent("kouka-nightly")
        process.arguments = ["--config", root.appendingPathComponent("kouka.toml").path, "--quiet"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        kill(process.processIdentifier, signal)
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, process.terminationReason == .uncaughtSignal, String(decoding: data, as: UTF8.self))
    }

    static func reports(_ root: URL) throws -> [Data] {
        try [2023, 2024].map { year in
            let result = try JobProcess.run("kouka-report", ["--config", root.appendingPathComponent("kouka.toml").path, "--fiscal-year", "\(year)", "--quiet", "--generated-at", "2025-04-10T05:00:00+09:00"])
            #expect(result.exitCode == 0)
            return try Data(contentsOf: root.appendingPathComponent("reports/FY\(year)/kouka-FY\(year).json"))
        }
    }

    @Test func killedAtAnyPointTheNextRunEndsWithTheSameFigures() throws {
        let clean = try Self.city()
        defer { try? FileManager.default.removeItem(at: clean) }
        // Exit 1: the sample logs have names the catalog does not map, on purpose.
        #expect(try JobProcess.run("kouka-nightly", ["--config", clean.appendingPathComponent("kouka.toml").path, "--quiet"]).exitCode == 1)
        let expected = try Self.reports(clean)

        let killed = try Self.city()
        defer { try? FileManager.default.removeItem(at: killed) }
        // Kill after 50 ms, then 100, 200…: every kill lands part-way through whatever work is left, until a
        // run outlasts its delay and finishes — however fast or loaded the machine is.
        var kills = 0, delay = 0.05
        while kills < 12 {
            let result = try Self.interrupt(killed, after: delay, with: SIGKILL)
            if !result.signalled { break }
            kills += 1
            delay *= 2
        }
        #expect(kills >= 2, "the job was killed part-way \(kills) times")
        let resumed = try JobProcess.run("kouka-nightly", ["--config", killed.appendingPathComponent("kouka.toml").path, "--quiet"])
        #expect(resumed.exitCode <= 1)
        #expect(!resumed.stdout.isEmpty)
        #expect(try Self.reports(killed) == expected)
        let again = try JobProcess.run("kouka-nightly", ["--config", killed.appendingPathComponent("kouka.toml").path, "--quiet"])
        #expect(try again.summary()["rowsRead"] as? Int == 0, "a finished store has nothing left to read")
    }

    @Test func sigtermStopsBetweenFilesAndTheNextRunFinishes() throws {
        let city = try Self.city()
        defer { try? FileManager.default.removeItem(at: city) }
        // SIGTERM after 50 ms, 100 ms…: a signal before the job has set up its handler ends it the default
        // way, one after it has finished comes too late; the first run still going when it arrives must stop
        // by itself.
        var delay = 0.05
        var stopped = try Self.interrupt(city, after: delay, with: SIGTERM)
        while (stopped.signalled || stopped.stdout.contains("\"interrupted\" : false")) && delay < 2 {
            for name in ["kouka.sqlite", "kouka.sqlite-wal", "kouka.sqlite-shm"] {
                try? FileManager.default.removeItem(at: city.appendingPathComponent(name))
            }
            delay *= 2
            stopped = try Self.interrupt(city, after: delay, with: SIGTERM)
        }
        #expect(!stopped.signalled, "it exits by itself")
        #expect(stopped.status == 1)
        let summary = try JSONSerialization.jsonObject(with: Data(stopped.stdout.utf8)) as? [String: Any]
        #expect(summary?["interrupted"] as? Bool == true)
        let finished = try JobProcess.run("kouka-nightly", ["--config", city.appendingPathComponent("kouka.toml").path, "--quiet"])
        #expect(finished.exitCode <= 1)
        let done = try finished.summary()
        // What the stopped run read is not read again; the rest is.
        #expect(done["interrupted"] as? Bool == false)
        #expect(done["filesUnchanged"] as? Int == summary?["filesRead"] as? Int)
        #expect((done["filesUnchanged"] as? Int ?? 0) + (done["filesRead"] as? Int ?? 0) == done["filesSeen"] as? Int)
    }

    @Test func twoRunsStartedTogetherNeverBothRun() throws {
        let city = try Self.city()
        defer { try? FileManager.default.removeItem(at: city) }
        let processes = (0..<2).map { _ in
            let process = Process()
            process.executableURL = JobProcess.productsFolder.appendingPathComponent("kouka-nightly")
            process.arguments = ["--config", city.appendingPathComponent("kouka.toml").path, "--quiet"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            return process
        }
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        let codes = processes.map(\.terminationStatus).sorted()
        #expect(codes == [1, 75], "one ran (exit 1: unmapped sample names), the other found the lock held")
    }
}
