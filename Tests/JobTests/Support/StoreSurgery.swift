import Foundation

/// Changes a store file behind Kouka's back with the sqlite3 shell, as a hand edit or a damaged disk would.
enum StoreSurgery {
    static let shell = "/usr/bin/sqlite3"
    static var available: Bool { FileManager.default.isExecutableFile(atPath: shell) }

    /// Runs `sql` on `database` with the sqlite3 shell and returns what it printed; throws when it fails.
    @discardableResult
    static func run(_ database: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: shell)
        process.arguments = [database, sql]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: database]) }
        return String(decoding: data, as: UTF8.self)
    }

    /// Overwrites the b-tree page header (the first 16 bytes) of every page of `table` with 0xEE, so that SQLite
    /// finds each page malformed whenever it reads it; returns how many pages. The pages are found with the
    /// dbstat table. Every connection to the store must be closed, so that no page lives in a `-wal` file.
    @discardableResult
    static func damagePages(of table: String, in database: String) throws -> Int {
        let wal = (try? FileManager.default.attributesOfItem(atPath: database + "-wal"))?[.size] as? Int ?? 0
        guard wal == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: database + "-wal"]) }
        let lines = try run(database, "PRAGMA page_size; SELECT pageno FROM dbstat WHERE name = '\(table)' ORDER BY pageno;")
            .split(separator: "\n").compactMap { Int($0) }
        guard let pageSize = lines.first, lines.count > 1 else { throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: database]) }
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: database))
        defer { try? handle.close() }
        for page in lines.dropFirst() {
            try handle.seek(toOffset: UInt64((page - 1) * pageSize))
            try handle.write(contentsOf: Data(repeating: 0xEE, count: 16))
        }
        return lines.count - 1
    }
}
