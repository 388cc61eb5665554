import Foundation
import Kouka
import Testing

/// A verify killed part way (kill -9, a systemd timeout) leaves its replay store in the temporary folder: the next
/// verify removes it, and never the files of a verify still running.
@Suite struct VerifyTemporariesTests {
    @Test func whatAVerifyThatIsNoLongerRunningLeftIsRemoved() throws {
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let folder = FileManager.default.temporaryDirectory
        let left = folder.appendingPathComponent("\(VerifyTemporaries.prefix)\(finished.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: left, withIntermediateDirectories: true)
        try Data("replay".utf8).write(to: left.appendingPathComponent("replay.sqlite"))
        let own = VerifyTemporaries.path()
        try FileManager.default.createDirectory(at: own, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: own) }
        VerifyTemporaries.removeLeftovers()
        #expect(!FileManager.default.fileExists(atPath: left.path))
        #expect(FileManager.default.fileExists(atPath: own.path), "this process's own is kept")
    }
}
