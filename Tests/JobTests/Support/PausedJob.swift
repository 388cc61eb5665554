import Foundation

/// A job stopped at one of its SQL statements, deterministically and without a hook in Kouka: a small library
/// preloaded into the job (LD_PRELOAD) wraps `sqlite3_step` and, at the n-th run of a statement whose SQL contains
/// a given text (counted at its first step, so a compiled statement the store reuses counts each run), creates `paused` in a folder and waits until `resume` appears there. Between the two, a test
/// can do what another process would (run nightly) at exactly that point of the job.
final class PausedJob {
    private static let source = """
        #define _GNU_SOURCE
        #include <dlfcn.h>
        #include <fcntl.h>
        #include <stdio.h>
        #include <stdlib.h>
        #include <string.h>
        #include <unistd.h>

        typedef int (*step_t)(void *);
        const char *sqlite3_sql(void *);
        int sqlite3_stmt_busy(void *);

        int sqlite3_step(void *statement) {
            static step_t real;
            static int seen;
            if (!real) real = (step_t)dlsym(RTLD_NEXT, "sqlite3_step");
            const char *text = getenv("KOUKA_TEST_PAUSE_SQL"), *at = getenv("KOUKA_TEST_PAUSE_AT"), *folder = getenv("KOUKA_TEST_PAUSE_DIR");
            // A statement's first step after it was compiled or reset: one run of it, however often it is reused.
            const char *sql = sqlite3_stmt_busy(statement) ? NULL : sqlite3_sql(statement);
            if (text && at && folder && sql && strstr(sql, text) && ++seen == atoi(at)) {
                char path[4096];
                snprintf(path, sizeof path, "%s/paused", folder);
                close(open(path, O_CREAT | O_WRONLY, 0644));
                snprintf(path, sizeof path, "%s/resume", folder);
                for (int i = 0; i < 12000 && access(path, F_OK) != 0; i++) usleep(10000);
            }
            return real(statement);
        }
        """

    /// The preloadable library, compiled once for its source and kept in the temporary folder under a name of that source's
    /// digest, so that test runs reuse it rather than each leave a folder behind; nil when there is no C compiler.
    static let library: String? = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-pause-\(fnv1a(PausedJob.source))")
        let library = folder.appendingPathComponent("libpause.so")
        if FileManager.default.fileExists(atPath: library.path) { return library.path }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Compiled under a name of its own and renamed in one step: another test run may be compiling it too.
        let source = folder.appendingPathComponent("pause-\(UUID().uuidString).c"), built = folder.appendingPathComponent("libpause-\(UUID().uuidString).so")
        defer { try? FileManager.default.removeItem(at: source) }
        guard (try? Data(PausedJob.source.utf8).write(to: source)) != nil, FileManager.default.isExecutableFile(atPath: "/usr/bin/cc"),
              let compiled = try? JobProcess.run(executable: "/usr/bin/cc", ["-shared", "-fPIC", "-o", built.path, source.path, "-ldl"]),
              compiled.exitCode == 0, rename(built.path, library.path) == 0 else { return nil }
        return library.path
    }()

    /// FNV-1a of `text`, in hex: the same in every process (Swift's `Hasher` is seeded per process).
    private static func fnv1a(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return String(hash, radix: 16)
    }

    private let process = Process()
    private let folder: URL
    private let stdout: ReadInBackground
    private let stderr: ReadInBackground

    /// Starts `job` with `arguments`, to pause before preparing the `occurrence`-th statement containing `sql`.
    init(_ job: String, _ arguments: [String], pausingAt sql: String, occurrence: Int) throws {
        guard let library = Self.library else { throw CocoaError(.executableNotLoadable) }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-paused-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        process.executableURL = JobProcess.productsFolder.appendingPathComponent(job)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging([
            "LD_PRELOAD": library, "KOUKA_TEST_PAUSE_SQL": sql, "KOUKA_TEST_PAUSE_AT": "\(occurrence)", "KOUKA_TEST_PAUSE_DIR": folder.path,
        ]) { _, new in new }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        stdout = ReadInBackground(out.fileHandleForReading)
        stderr = ReadInBackground(err.fileHandleForReading)
    }

    deinit {
        resume()
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(at: folder)
    }

    /// Waits until the job has paused; false when it ended first (it never reached the statement). The
    /// limit only keeps a broken test from hanging: the pause itself is found, not timed.
    func waitUntilPaused() -> Bool {
        let paused = folder.appendingPathComponent("paused").path
        for _ in 0..<12_000 {
            if FileManager.default.fileExists(atPath: paused) { return true }
            if !process.isRunning { return false }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return false
    }

    /// Whether the job has not ended yet.
    var isRunning: Bool { process.isRunning }

    /// Lets the job go on; a mark that cannot be written stops the test rather than leaving the job paused.
    func resume() {
        let written = FileManager.default.createFile(atPath: folder.appendingPathComponent("resume").path, contents: nil)
        precondition(written, "cannot write the resume mark in \(folder.path)")
    }

    /// Kills the job where it paused (SIGKILL: what an out-of-memory kill or a power cut leaves) and waits for it to end.
    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        _ = stdout.wait()
        _ = stderr.wait()
    }

    /// Resumes the job and waits for it to end.
    func finish() -> JobProcess.Result {
        resume()
        let out = stdout.wait()
        process.waitUntilExit()
        return JobProcess.Result(exitCode: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                                 stderr: String(decoding: stderr.wait(), as: UTF8.self))
    }
}
