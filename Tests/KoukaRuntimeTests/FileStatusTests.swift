import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import Kouka
import Testing

/// `FileStatus(path:)` takes from one `statx` what `stat` gives, to the nanosecond: the ledger compares these
/// values for equality to skip an unchanged file.
struct FileStatusTests {
    @Test func aRegularFileGivesWhatStatGives() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-status-\(UUID().uuidString).log").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(repeating: 7, count: 12_345).write(to: URL(fileURLWithPath: path))
        var info = stat()
        try #require(stat(path, &info) == 0)
        let status = try #require(FileStatus(path: path))
        #expect(status.size == 12_345)
        #expect(status.inode == Int64(info.st_ino))
        #expect(status.modifiedAt == Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1_000_000_000)
        #expect(status.changedAt == Double(info.st_ctim.tv_sec) + Double(info.st_ctim.tv_nsec) / 1_000_000_000)
    }

    @Test func aFolderAPipeAndNothingGiveNone() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-status-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try #require(mkfifo(folder + "/pipe", 0o600) == 0)
        #expect(FileStatus(path: folder) == nil)
        #expect(FileStatus(path: folder + "/pipe") == nil)
        #expect(FileStatus(path: folder + "/missing.log") == nil)
    }

    /// Looked at through their folder (`FileStatusLookup`), files are what `FileStatus(path:)` says, in whatever
    /// order their folders come, through a symbolic link to a folder, and where there is nothing to see.
    @Test func aFileLookedAtThroughItsFolderIsWhatItsPathGives() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-status-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        for folder in ["a", "b", "b/c"] { try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true) }
        for (index, name) in ["a/1.log", "a/2.log", "b/1.log", "b/c/1.log"].enumerated() {
            try Data(repeating: 1, count: 100 * (index + 1)).write(to: URL(fileURLWithPath: root + "/" + name))
        }
        try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: root + "/b")
        let paths = ["a/1.log", "a/2.log", "b/1.log", "a/1.log", "link/1.log", "link/c/1.log", "b/c/1.log", "a/missing.log", "missing/1.log", "b/c",
                     "a/1.log/x"].map { root + "/" + $0 } + [root + "/a/", "/", "relative.log"]
        let lookup = FileStatusLookup()
        for path in paths { #expect(lookup.status(of: path) == FileStatus(path: path), "\(path)") }
        #expect(lookup.status(of: root + "/link/1.log") == FileStatus(path: root + "/b/1.log"))
        #expect(lookup.status(of: root + "/a/2.log")?.size == 200)
    }
}
