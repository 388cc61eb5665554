import Logging

extension SourceIngestor {
    /// A counted file no longer at its path whose copy, untouched since it was settled as one, is among the sources: the
    /// copy takes over its ledger line now, before any file is read, as a file moved there does (`renameSource`). At
    /// the copy's own turn it was too late: an export read before it that ended one of the gone file's unfinished runs
    /// found the run kept by a file that cannot be read again, left it out, and the run counted unfinished that night.
    /// Only the lines whose files went missing since the last run (still `present`): a city that keeps its logs for a
    /// while has thousands of lines gone long ago, which are not looked up again every night; a copy that arrives after
    /// its original went is read whole, and takes its line over at its turn (`settle`).
    func moveLinesToCopies(away: [LedgerIdentity], store: KoukaStore, summary: inout NightlySummary) throws {
        for line in away where line.status == .present {
            guard let record = try store.source(path: line.path), !record.sha256.isEmpty else { continue }
            // The file itself, renamed, is among the sources: it takes its line over at its turn (`isSameFile`), rather than
            // a copy of the bytes it held, which, deleted later, would keep what it counted in the renamed file's place.
            if let renamed = newFileInodes()[record.inode], let file = file(at: renamed), let status = FileStatus(path: file.path),
               Self.isSameFile(path: file.path, status: status, as: record, format: file.spec.format) {
                continue
            }
            for copy in try store.copies(ofSHA256: record.sha256) where !Self.isCopyOfDeleted(copy) {
                guard let file = file(at: copy.path), let status = FileStatus(path: file.path), IngestPlan.isUntouched(status, since: copy) else { continue }
                try store.renameSource(from: line.path, to: copy.path)
                vanished = vanished.mapValues { $0.filter { $0.path != line.path } }
                summary.filesRenamed.append(.init(from: line.path, to: copy.path))
                renamedTonight.insert(copy.path)
                logger.notice("a counted file no longer at its path has a copy among the sources: the copy takes over its figures",
                              metadata: ["from": "\(line.path)", "to": "\(copy.path)"])
                break
            }
        }
    }

    /// What the ledger and the summary say of a file at a path with a counting line of its own that now holds, byte for
    /// byte, what the deleted file `original` held (`counted`): it counts nothing, and what it counted before is no more.
    /// The ledger's line of such a copy is known by it (`counted`).
    static func copyOfDeletedReason(_ original: String) -> String {
        "the same bytes as \(original)" + copyOfDeletedTail
    }

    private static let copyOfDeletedTail = ", which is no longer among the sources and counts them: this file counts nothing, and what this path's own file counted before (read, or kept since it was deleted) no longer counts (runs other files left out for it count there again). If its own export was overwritten with a copy of that file, put it back under its name, then run kouka-nightly again"

    /// Whether `line` is a copy of a deleted file made at a path that had a counting line of its own (`counted`): it stays a
    /// copy, and never takes a deleted file's line over, which would tie that file's figures to this path's next export.
    static func isCopyOfDeleted(_ line: SourceFileRecord) -> Bool {
        line.status == .duplicate && line.rejectReason?.hasSuffix(copyOfDeletedTail) == true
    }

    /// Names under `filesLosingRuns` the path `display` whose own counting line goes as the file of `moved`'s line moves over
    /// it (`counted`), when that line held a record and no file among the sources with its inode is at a path of its own:
    /// what it counted is then in no file Kouka reads. Called before the move, while the path's own line is there.
    func nameLineMovedOver(at display: String, by moved: String, store: KoukaStore, summary: inout NightlySummary) throws {
        guard let own = try store.source(path: display), own.status == .present || own.status == .gone, !own.holdsNoRecord else { return }
        // Renamed away in the same night (`mv b c; mv a b`): a new file holds its bytes, and counts them.
        if let elsewhere = newFileInodes()[own.inode], elsewhere != display { return }
        summary.filesLosingRuns.append(.init(path: display, reason: Self.movedOverReason(moved)))
        try store.noteLoss(path: display, reason: Self.movedOverReason(moved))
        logger.warning("a file moved over a counted file's path: what that file counted no longer counts", metadata: ["file": "\(display)", "from": "\(moved)"])
    }

    static func movedOverReason(_ moved: String) -> String {
        "\(moved) was moved (renamed) over this path: its figures move here with it, and what this path's own file counted before (read, or kept since it was deleted) no longer counts, and is in no file Kouka reads. If the file was overwritten by mistake, put it back under a name of its own, then run kouka-nightly again"
    }
}
