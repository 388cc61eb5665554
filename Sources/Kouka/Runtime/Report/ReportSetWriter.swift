import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// Writes one report set so that the report folder (`<output>/FY2024`) holds the whole old set or the whole
/// new one at every moment, even if the job is killed: the new files and their `SHA256SUMS` are written
/// and flushed into a new sibling folder, which then takes the report folder's place in one
/// `renameat2(RENAME_EXCHANGE)`; the old set, now under the sibling's name, is removed. A run killed at
/// any point leaves at most a `.FY2024.staging-<pid>` folder, which the next run removes.
///
/// Nothing is written through a symbolic link: the output folder and the report folder are refused if
/// they are links, every file is created new (`O_CREAT | O_EXCL | O_NOFOLLOW`) in a folder this run has
/// just created, and every name is resolved against an open folder, not a path.
final class ReportSetWriter {
    /// The report folder readers see.
    let folder: String
    private let output: FolderHandle
    private let name: String
    private let stagingName: String
    private let staging: FolderHandle
    private var files: [(name: String, sha256: String)] = []
    private var killPoints: TestKillPoints
    private let logger: Logger
    private var finished = false
    private let access: OutputAccess

    /// Takes the output folder `outputFolder` (creating it if needed) for the set `name` (`FY2024`):
    /// waits for any other run writing there, removes what killed runs left, checks the report folder
    /// may be replaced, and creates the staging folder.
    init(outputFolder: String, name: String, logger: Logger, access: OutputAccess = .standard) throws {
        self.logger = logger
        self.access = access
        self.name = name
        killPoints = TestKillPoints(logger: logger)
        folder = (outputFolder as NSString).appendingPathComponent(name)
        var info = stat()
        let creating = lstat(outputFolder, &info) != 0
        if creating {
            do {
                try FileManager.default.createDirectory(atPath: outputFolder, withIntermediateDirectories: true)
            } catch {
                throw OutputError(path: outputFolder, reason: "cannot create the folder: \(Self.whyNotCreated(outputFolder)) (\(error.localizedDescription))")
            }
        }
        output = try FolderHandle(opening: outputFolder, remedy: "set output in kouka.toml (or --output) to the folder the link points to, or replace the link with a folder")
        // A folder this run made is the reports' too; one that was there is left as its owner set it.
        if creating { try access.apply(to: output.fd, path: outputFolder, folder: true) }
        try FolderLock.take(output, exclusive: true)
        try Self.removeLeftovers(in: output, logger: logger, killPoints: &killPoints)
        try Self.checkReplaceable(name, in: output)
        stagingName = ReportSetName.staging(name, pid: getpid())
        staging = try output.makeFolder(named: stagingName)
        try access.apply(to: staging.fd, path: folder, folder: true)
        killPoints.passed("created \(stagingName)")
    }

    deinit {
        // A set given up before it took the report folder's place: its files are of no use to anyone.
        if !finished { Self.remove(stagingName, in: output, logger: logger) }
    }

    /// Adds the file `fileName` with `data` to the set.
    func add(_ data: Data, named fileName: String) throws(OutputError) {
        let fd = try create(fileName)
        defer { close(fd) }
        let failure: String? = data.withUnsafeBytes { bytes in
            var written = 0
            while written < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + written, bytes.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                written += n
            }
            return fsync(fd) == 0 ? nil : String(cString: strerror(errno))
        }
        if let failure { throw OutputError(path: path(of: fileName), reason: failure) }
        var hasher = SHA256()
        data.withUnsafeBytes { hasher.update($0) }
        files.append((fileName, hasher.finalizeHex()))
        killPoints.passed("wrote \(fileName)")
    }

    /// Adds the file `fileName` that `produce` writes at the path it is given (an empty file this run created).
    func add(named fileName: String, _ produce: (String) throws -> Void) throws {
        let fd = try create(fileName)
        defer { close(fd) }
        try produce(staging.child(fileName))
        // `produce` opens the file by name; the name must still be the file this run created.
        var created = stat(), named = stat()
        guard fstat(fd, &created) == 0, fstatat(staging.fd, fileName, &named, AT_SYMLINK_NOFOLLOW) == 0,
              created.st_dev == named.st_dev, created.st_ino == named.st_ino else {
            throw OutputRefused(path: path(of: fileName), problem: "the file was replaced while it was being written",
                                remedy: "find out what else writes into \(output.path)")
        }
        guard fsync(fd) == 0 else { throw OutputError(path: path(of: fileName), reason: String(cString: strerror(errno))) }
        var hasher = SHA256()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        var offset: off_t = 0
        while true {
            let n = pread(fd, buffer.baseAddress, buffer.count, offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw OutputError(path: path(of: fileName), reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            hasher.update(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
            offset += off_t(n)
        }
        files.append((fileName, hasher.finalizeHex()))
        killPoints.passed("wrote \(fileName)")
    }

    /// Writes `SHA256SUMS`, puts the new set in the report folder's place and removes the old one; returns
    /// the paths of the set's files.
    func commit() throws -> [String] {
        let names = files.map(\.name) + [ReportManifest.fileName]
        try add(Data(ReportManifest.text(files).utf8), named: ReportManifest.fileName)
        staging.sync()
        let replacing = try output.contains(name)
        let failure = replacing ? FolderExchange.swap(stagingName, name, in: output) : FolderExchange.move(stagingName, to: name, in: output)
        guard failure == 0 else {
            let reason = String(cString: strerror(failure))
            throw OutputError(path: folder, reason: failure == EINVAL || failure == ENOSYS
                ? "the file system cannot exchange two folders in one step (renameat2 RENAME_EXCHANGE: \(reason)); put the output on a local file system such as ext4 or xfs"
                : reason)
        }
        finished = true
        output.sync()
        killPoints.passed(replacing ? "exchanged \(stagingName) and \(name)" : "renamed \(stagingName) to \(name)")
        if replacing { Self.remove(stagingName, in: output, logger: logger, killPoints: &killPoints) }
        return names.map(path(of:)).sorted()
    }

    /// The report's path as readers know it, for messages: not the staging folder's.
    private func path(of fileName: String) -> String { (folder as NSString).appendingPathComponent(fileName) }

    /// Creates `fileName` in the staging folder, new (never an existing file or link), with the configured mode and group.
    private func create(_ fileName: String) throws(OutputError) -> Int32 {
        let fd = openat(staging.fd, fileName, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw OutputError(path: path(of: fileName), reason: String(cString: strerror(errno))) }
        do throws(OutputError) { try access.apply(to: fd, path: path(of: fileName), folder: false) } catch {
            close(fd)
            throw error
        }
        return fd
    }

    /// The report folder `name` may be replaced: it is missing, or a real folder this user may write that
    /// holds nothing but Kouka's files.
    private static func checkReplaceable(_ name: String, in output: FolderHandle) throws {
        let remedy = "a report folder is written only as a real folder; remove the link (and find out who made it)"
        guard let current = try output.folder(named: name, remedy: remedy) else { return }
        // A folder made read-only keeps its set, as it did when each file was renamed into it.
        guard faccessat(output.fd, name, W_OK, AT_EACCESS) == 0 else {
            throw OutputError(path: current.path, reason: String(cString: strerror(errno)))
        }
        let foreign = try current.names().filter { !ReportSetName.isKoukas($0, stem: name) }
        guard foreign.isEmpty else {
            throw OutputRefused(path: current.path, problem: "it holds \(foreign.joined(separator: ", ")), which Kouka did not write",
                                remedy: "move what is not Kouka's out of the folder: a new report set replaces the folder as a whole")
        }
    }

    /// Removes the staging folders that runs killed part-way left in `output`.
    private static func removeLeftovers(in output: FolderHandle, logger: Logger, killPoints: inout TestKillPoints) throws {
        for leftover in try output.names() where ReportSetName.isStaging(leftover) {
            logger.info("removing what a run that was stopped left", metadata: ["folder": "\(output.child(leftover))"])
            remove(leftover, in: output, logger: logger, killPoints: &killPoints)
        }
    }

    private static func remove(_ name: String, in output: FolderHandle, logger: Logger) {
        var none = TestKillPoints(logger: logger, enabled: false)
        remove(name, in: output, logger: logger, killPoints: &none)
    }

    /// Removes the staging folder `name` and the files in it, without following a link. A folder that
    /// cannot be removed is only logged: the report set in place is whole, and the next run tries again.
    private static func remove(_ name: String, in output: FolderHandle, logger: Logger, killPoints: inout TestKillPoints) {
        do {
            if let set = try output.folder(named: name, remedy: "") {
                for file in try set.names() {
                    guard unlinkat(set.fd, file, 0) == 0 else { throw OutputError(path: set.child(file), reason: String(cString: strerror(errno))) }
                    killPoints.passed("removed \(name)/\(file)")
                }
            }
        } catch is OutputRefused {
            // A link or a file planted under a staging name: removed below as the entry it is, never
            // what a link points to.
        } catch {
            logger.warning("cannot remove a staging folder; the next run tries again", metadata: ["folder": "\(output.child(name))", "reason": "\(error)"])
            return
        }
        var removed = unlinkat(output.fd, name, AT_REMOVEDIR) == 0
        if !removed && errno == ENOTDIR { removed = unlinkat(output.fd, name, 0) == 0 }
        guard removed || errno == ENOENT else {
            logger.warning("cannot remove a staging folder; the next run tries again",
                           metadata: ["folder": "\(output.child(name))", "reason": "\(String(cString: strerror(errno)))"])
            return
        }
        output.sync()
        killPoints.passed("removed \(name)")
    }
}
