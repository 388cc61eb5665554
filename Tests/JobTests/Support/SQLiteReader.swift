import Foundation

/// A second connection to a store, held open by Python's sqlite3 (not Kouka's code) until `close()`.
/// While it is open, a job closing the store is not its last connection, so SQLite leaves the `-wal`
/// and `-shm` files in place for a test to read. Creates the store (in WAL mode) if it does not exist.
final class SQLiteReader {
    private let process = Process()
    private let input = Pipe()

    init(_ path: String) throws {
        let script = """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1], isolation_level=None)
            c.execute("PRAGMA journal_mode=WAL").fetchall()
            c.execute("SELECT count(*) FROM sqlite_master").fetchall()
            print("open", flush=True)
            sys.stdin.read()
            """
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path]
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        // Wait until the connection is open, so the jobs started next find it.
        let ready = output.fileHandleForReading.readData(ofLength: 5)
        guard String(decoding: ready, as: UTF8.self).hasPrefix("open") else {
            close()
            throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }

    func close() {
        guard process.isRunning else { return }
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    deinit { close() }
}
