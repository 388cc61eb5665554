import Foundation
@testable import Kouka
import Testing

/// The files of a night with a long ledger are looked at from both ends at once (`StatusPrefetch`). What the
/// second thread saw may only ever tell an unchanged file; a file changed in any way is decided by a fresh look.
@Suite struct StatusPrefetchTests {
    typealias City = PerFileStoreWorkTests

    /// Whatever the worker got to, each status handed over is the file's own, and the two threads between them
    /// leave none out that the job's thread then has to look at twice.
    @Test func eachStatusHandedOverIsThatOfItsFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-prefetch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for index in 0..<2_000 {
            let path = folder.appendingPathComponent("\(index).log").path
            // Sizes tell the files apart; every tenth path names no file.
            if index % 10 != 7 { try Data(repeating: 0x41, count: index).write(to: URL(fileURLWithPath: path)) }
            paths.append(path)
        }
        // Walked at once: whatever the worker got to must be right.
        let racing = StatusPrefetch(paths: paths)
        for (index, path) in paths.enumerated() {
            guard let seen = racing.status(at: index) else { continue }
            #expect(seen == FileStatus(path: path), "file \(index)")
        }
        racing.finish()
        // Walked once the worker stopped, the job's thread never having moved: it looked at every file but the
        // first two (it stops short of the one being decided and the next), and hands over each that exists.
        let ahead = StatusPrefetch(paths: paths)
        ahead.finish()
        var handedOver: [Int] = []
        for (index, path) in paths.enumerated() {
            guard let seen = ahead.status(at: index) else { continue }
            handedOver.append(index)
            #expect(seen == FileStatus(path: path), "file \(index)")
        }
        #expect(handedOver == Array(2..<paths.count).filter { $0 % 10 != 7 })
    }

    /// Over a ledger long enough for the second thread to start, files changed in each way are read, and only
    /// they: grown, rewritten with the same size, touched, and replaced by another file.
    @Test func changedFilesAreReadWhateverTheSecondThreadSaw() throws {
        let days = 300
        let city = try City.city(days: days)
        defer { city.remove() }
        let today = City.firstDay.adding(days: days)
        let first = try City.nightly(city, today: today) { _, _ in }
        #expect(first.filesRead == 2 * days)
        #expect(2 * days >= NightlyJob.prefetchLedgerLines)
        let logs = city.root.appendingPathComponent("logs")
        func path(_ offset: Int, _ robot: String) -> String {
            logs.appendingPathComponent("\(City.firstDay.adding(days: offset))_\(robot)_Execution.log").path
        }
        // Files near the end are the ones the second thread looks at first.
        let grown = path(days - 1, "b"), rewritten = path(days - 2, "a"), touched = path(days - 3, "b"), replaced = path(3, "a")
        let handle = try #require(FileHandle(forWritingAtPath: grown))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\n".utf8))
        try handle.close()
        var bytes = try Data(contentsOf: URL(fileURLWithPath: rewritten))
        bytes[bytes.count - 3] = bytes[bytes.count - 3] == 0x30 ? 0x31 : 0x30
        try bytes.write(to: URL(fileURLWithPath: rewritten))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3_600)], ofItemAtPath: touched)
        let copy = try Data(contentsOf: URL(fileURLWithPath: replaced))
        try FileManager.default.removeItem(atPath: replaced)
        try copy.write(to: URL(fileURLWithPath: replaced))
        let next = try City.nightly(city, today: today) { _, _ in }
        #expect(next.filesUnchanged == 2 * days - 4)
        #expect(next.filesRead + next.filesAppended == 4)
    }
}
