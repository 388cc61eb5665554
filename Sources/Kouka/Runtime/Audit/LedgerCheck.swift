import Foundation

/// The ledger against itself and against the files as they are on disk: every line, not only the files still
/// there. A copy must have an original with its bytes; a file that counts nothing must have no rollups; the
/// counts must agree with the quarantine; a counted file's rollups must be the ones its commit recorded the
/// digest of; a file on disk must still hold the bytes that were read.
struct LedgerCheck {
    /// What the check concluded of one ledger line.
    enum Standing {
        /// On disk with the bytes that were read: its figures can be read again.
        case readable
        /// Its figures are taken as the store has them (gone, grown, changed), with the reason.
        case takenAsStored(String)
    }

    var differences: [VerifySummary.Difference] = []
    /// The digest of each counted file's rollups as the store holds them now, by path: computed here, not read
    /// from the ledger, so a digest rewritten to match changed rollups cannot hide them.
    var rollupDigests: [String: String] = [:]
    var standing: [String: Standing] = [:]
    /// Files that arrived after the last nightly run holding a counted file's bytes, by their display path: the path the
    /// ledger has them under.
    var moved: [String: String] = [:]

    /// The ledger against itself and the store: copies, counts, quarantine and rollup digests. Reads the store only,
    /// so it can run while the logs are read again.
    /// `onDisk`: the display paths of the sources' files now.
    init(ledger: [SourceFileRecord], store: KoukaStore, onDisk: Set<String>) throws {
        let rejects = try store.rejectCounts(), rollupCounts = try store.rollupCounts()
        let countedDigests = Set(ledger.filter { $0.status == .present || $0.status == .gone }.map(\.sha256))
        let keepsEveryDigest = try store.keepsEveryRollupDigest()
        for line in ledger {
            let path = line.path
            switch line.status {
            case .duplicate:
                // A copy no longer on disk whose original was saved over since holds bytes no counted file has, and rightly
                // counts nothing: named, it was a false alarm. A line made a copy behind Kouka's back (to drop its figures)
                // changes the ledger's seal, which names it.
                if !countedDigests.contains(line.sha256), onDisk.contains(path) {
                    differences.append(.init(kind: "ledger", subject: path, field: "status", found: "duplicate", expected: "a file that counts",
                                             detail: "the ledger calls this file a copy, but no counted file has its SHA-256 \(line.sha256): its runs are left out of every figure"))
                }
            case .rejected, .unreadable:
                break
            case .present, .gone:
                try checkDigest(line, store: store, keepsEveryDigest: keepsEveryDigest)
            }
            if line.status != .present && line.status != .gone, let count = rollupCounts[line.id], count > 0 {
                differences.append(.init(kind: "ledger", subject: path, field: "status", found: line.status.rawValue, expected: "present",
                                         detail: "the file has \(count) rollups but its status \(line.status.rawValue) keeps them out of every figure"))
            }
            if line.status != .rejected {
                let quarantined = rejects[line.id] ?? 0
                if line.rowsRejected != quarantined || line.rowsAccepted != line.rowsRead - line.rowsRejected {
                    differences.append(.init(
                        kind: "ledger", subject: path, field: "rows_read / rows_accepted / rows_rejected",
                        found: "\(line.rowsRead) / \(line.rowsAccepted) / \(line.rowsRejected)",
                        expected: "\(line.rowsRead) / \(line.rowsRead - quarantined) / \(quarantined)", expectedFrom: "store",
                        detail: "the ledger's counts do not agree with the \(quarantined) rows of this file in the quarantine"))
                }
            }
        }
    }

    /// Every counted line against its file as it is on disk. `files` are the sources' files by display path; `read`
    /// the SHA-256 of the bytes the logs' reading again (`VerifyReplay`) took of each, by display path, so that a
    /// file is not read a third time to be hashed. A file it did not read whole is hashed here.
    /// `arrived`: the display paths of files among the sources that came after the last nightly run (`VerifyAudit.arrived`),
    /// where a counted file moved or renamed since is found by its bytes.
    mutating func checkFiles(of ledger: [SourceFileRecord], files: [String: String], read: [String: String], arrived: Set<String> = []) throws {
        var movedTo = MovedSinceLastRun(arrived: arrived, files: files)
        for line in ledger where line.status == .present || line.status == .gone {
            var found: [VerifySummary.Difference] = []
            let standing = try Self.standing(of: line, file: files[line.path], read: read[line.path], differences: &found)
            // Missing from its path, or another file there (a log rotated: `mv log log.old`, a new log at its name), its bytes
            // at a new path the last nightly run could not see: nothing is missing, and the next run records the move
            // (`filesRenamed`). Named as missing or changed, an honest `mv` before that run was a false alarm (helper-133).
            if line.status == .present, found.contains(where: { $0.kind == "missing-file" || ($0.kind == "changed-file" && $0.field == "sha256") }),
               let newPath = movedTo.file(holdingWhatWasRead: line) {
                guard Self.replacedByANewFile(files[line.path], as: line, readBytesAt: files[newPath]) else {
                    movedTo.release(newPath)
                    differences += found
                    self.standing[line.path] = standing
                    continue
                }
                moved[newPath] = line.path
                self.standing[line.path] = .takenAsStored("moved to \(newPath) after the last nightly run, its bytes as read: its rollups are checked by their digest, and the next nightly run records the move")
                continue
            }
            differences += found
            self.standing[line.path] = standing
        }
    }

    /// Whether the file at `file` (nil: none) is another than the counted one, begun anew (a log rotated: a new file at its
    /// name), not the counted one edited in place, nor saved by an editor through a new file: a new inode, and lines of its own
    /// — beyond its first (a header), no more than half of its opening lines are among those of the bytes read (`readBytesAt`,
    /// the file that now holds them). Its bytes parked under a new name first would otherwise hide an edit until the next
    /// nightly run (helper-134, helper-141); judged by size, a rotated log grown past the size read was named changed
    /// (helper-142).
    static func replacedByANewFile(_ file: String?, as line: SourceFileRecord, readBytesAt copy: String?) -> Bool {
        guard let file, let status = FileStatus(path: file) else { return true }
        guard status.inode != line.inode, let copy else { return false }
        let readLines = openingLines(of: copy), now = openingLines(of: file).dropFirst()
        // A file of one line (a usage answer) has no lines of its own to tell: a new one beside the read bytes is an edit, not
        // a log begun anew (helper-143); a log begun anew holds its header alone where the read one held rows.
        guard !now.isEmpty else { return readLines.count > 1 }
        let read = Set(readLines)
        return now.filter(read.contains).count * 2 <= now.count
    }

    /// The lines of a file's first 64 KiB (a cut last line too), as bytes.
    private static func openingLines(of path: String) -> [Data] {
        guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { handle.closeFile() }
        return handle.readData(ofLength: 64 << 10).split(separator: 0x0A, omittingEmptySubsequences: true).map { Data($0) }
    }

    /// A counted file's rollups must be those whose digest its last commit recorded. A line without one was written
    /// before Kouka kept them, until the nightly job records them and marks the store; after, its digest was removed.
    private mutating func checkDigest(_ line: SourceFileRecord, store: KoukaStore, keepsEveryDigest: Bool) throws {
        let now = try store.rollupDigest(ofSource: line.id)
        rollupDigests[line.path] = now
        guard let recorded = try store.recordedRollupDigest(ofSource: line.id) else {
            if keepsEveryDigest {
                differences.append(.init(kind: "rollups-digest", subject: line.path, field: "rollups_sha256", found: "none", expected: "the digest its last reading recorded",
                                         expectedFrom: "store", detail: Self.digestRemoved))
            } else {
                differences.append(.init(kind: "unverifiable", subject: line.path, field: "rollups_sha256", found: "none", expected: now, expectedFrom: "store",
                                         detail: "no digest of this file's rollups is recorded: the store was written before Kouka kept them; run kouka-nightly once, which records them"))
            }
            return
        }
        if recorded != now {
            differences.append(.init(kind: "rollups-digest", subject: line.path, field: "rollups", found: now, expected: recorded, expectedFrom: "store",
                                     detail: "the file's rollups are not those its last reading committed: they were changed behind Kouka's back"))
        }
    }

    static let digestRemoved = """
        the digest of this file's rollups was removed behind Kouka's back (this store keeps one for every counted file), and its \
        rollups may have been changed with it: those of a file no longer on disk cannot be checked. Restore the store from a backup; \
        if the file is on disk, run kouka-nightly --since <a day on or before its first> to read it again
        """

    /// Why a file that only grew since the last nightly run is taken as the store has it.
    static let grewSince = "grew since the last nightly run read it: its new lines are counted by the next run"

    /// Whether a counted file can be read again: on disk with the bytes read, grown since, changed, or gone.
    private static func standing(of line: SourceFileRecord, file: String?, read: String?, differences: inout [VerifySummary.Difference]) throws -> Standing {
        guard let file, FileManager.default.fileExists(atPath: file) else {
            if line.status == .present {
                differences.append(.init(kind: "missing-file", subject: line.path, found: "present", expected: "gone", expectedFrom: "logs",
                                         detail: "the ledger says the file is there, but it is not on disk or in any source: if it was deleted on purpose (log retention), run kouka-nightly, which marks it gone and keeps its figures; if it should be there, put it back (a share not mounted?); if many files are named so, the store may be another city's or not this city's backup: restore the right store before running kouka-nightly, which would keep their figures"))
            }
            return .takenAsStored("gone from disk: its rollups are checked by their digest")
        }
        if line.status == .gone {
            differences.append(.init(kind: "ledger", subject: line.path, field: "status", found: "gone", expected: "present", expectedFrom: "logs",
                                     detail: "the ledger says the file is gone, but it is on disk among the sources (put back, or the ledger was changed behind Kouka's back): run kouka-nightly, which reads it again"))
        }
        guard let digest = read ?? SHA256.hexDigest(ofFile: file) else {
            differences.append(.init(kind: "changed-file", subject: line.path, found: "unreadable", foundIn: "logs", expected: line.sha256, expectedFrom: "store",
                                     detail: "the file cannot be read now: check its permissions"))
            return .takenAsStored("cannot be read now")
        }
        if digest == line.sha256 { return .readable }
        if line.onlyGrew(at: file) {
            return .takenAsStored(Self.grewSince)
        }
        differences.append(.init(kind: "changed-file", subject: line.path, field: "sha256", found: digest, foundIn: "logs", expected: line.sha256, expectedFrom: "store",
                                 detail: "the file changed after it was read (or the store's SHA-256 of it was changed): run kouka-nightly --since <a day on or before its first>, which reads it again whole and counts it as it is now, or restore the file that was read"))
        return .takenAsStored("changed after it was read")
    }
}
