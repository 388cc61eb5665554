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

    /// The preloadable library, compiled once per test run; nil when there is no C compiler.
    static let library: String? = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-pause-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let source = folder.appendingPathComponent("pause.c"), library = folder.appendingPathComponent("libpause.so")
        guard (try? Data(PausedJob.source.utf8).write(to: source)) != nil, FileManager.default.isExecutableFile(atPath: "/usr/bin/cc"),
              let compiled = try? JobProcess.run(executable: "/usr/bin/cc", ["-shared", "-fPIC", "-o", library.path, source.path, "-ldl"]),
              compiled.exitCode == 0 else { return nil }
        return library.path
    }()

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

    func resume() {
        FileManager.default.createFile(atPath: folder.appendingPathComponent("resume").path, contents: nil)
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
