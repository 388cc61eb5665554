import Foundation
@testable import Kouka
import Testing

/// A source's path: a glob, with `**` alone as a folder name for any number of folders (none included). POSIX glob(3)
/// read it as one folder: helper-75's glob_doublestar_skips_top_level.sh widened `robo/*.csv` to `robo/**/*.csv` and the
/// files beside the archive folder, old and new, were read no more, with exit 0.
@Suite struct FileGlobTests {
    @Test func aDoubleStarFolderIsAnyNumberOfFoldersNoneIncluded() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-glob-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        for file in ["robo/a.csv", "robo/2024/b.csv", "robo/2024/05/c.csv", "robo/2024/05/c.txt", "robo/.hidden/d.csv", "other/e.csv"] {
            let path = root + "/" + file
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data("x\n".utf8).write(to: URL(fileURLWithPath: path))
        }
        // A link back up is walked once: the folder it leads to was walked already.
        try FileManager.default.createSymbolicLink(atPath: root + "/robo/2024/up", withDestinationPath: root + "/robo")
        #expect(FileGlob.expand(root + "/robo/**/*.csv") == ["robo/2024/05/c.csv", "robo/2024/b.csv", "robo/a.csv"].map { root + "/" + $0 })
        #expect(FileGlob.expand(root + "/robo/**/**/*.csv") == FileGlob.expand(root + "/robo/**/*.csv"))
        #expect(FileGlob.expand(root + "/*/**/c.*") == ["robo/2024/05/c.csv", "robo/2024/05/c.txt"].map { root + "/" + $0 })
        // `**` last: every name below, the link up to robo walked once under its own name.
        let below = FileGlob.expand(root + "/robo/2024/**")
        #expect(["robo/2024/05", "robo/2024/05/c.csv", "robo/2024/05/c.txt", "robo/2024/b.csv", "robo/2024/up", "robo/2024/up/a.csv"]
            .allSatisfy { below.contains(root + "/" + $0) })
        #expect(!below.contains { $0.contains("/up/2024/") }, "robo/2024 is not walked again through the link")
        // A folder linked to a share is walked, as glob(3)'s one folder did (helper-76: `robo/archive` linked to a NAS).
        try FileManager.default.createDirectory(atPath: root + "/nas/archive", withIntermediateDirectories: true)
        try Data("x\n".utf8).write(to: URL(fileURLWithPath: root + "/nas/archive/f.csv"))
        try FileManager.default.createSymbolicLink(atPath: root + "/robo/archive", withDestinationPath: root + "/nas/archive")
        #expect(FileGlob.expand(root + "/robo/**/*.csv").contains(root + "/robo/archive/f.csv"))
        // Without `**`, glob(3) as before.
        #expect(FileGlob.expand(root + "/robo/*.csv") == [root + "/robo/a.csv"])
        #expect(FileGlob.expand(root + "/robo/*/*.csv") == [root + "/robo/2024/b.csv", root + "/robo/archive/f.csv"])
    }
}
