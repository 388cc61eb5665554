import Foundation

/// Where the bytes of a file about to be read whole are already counted.
enum CountedBytes: Equatable {
    /// By a file that is there now with the same bytes, or by a deleted file's line where this path has a line of its own
    /// that counts: this one is a copy, and counts nothing.
    case copy(of: String)
    /// By a ledger line whose file is no longer at its path, at a path with no counting line of its own: the file was
    /// moved here (copied away and deleted, or moved to another disk), and the line moves with it.
    case moved(from: SourceFileRecord)

    var copyOf: String? {
        if case let .copy(path) = self { path } else { nil }
    }
}

/// What a ledger line is worth while a run goes through the files in path order: it says what its file
/// held when it was read, which the file at that path may no longer hold (renamed, swapped, rotated), and
/// the file may not have had its turn yet. Nothing is left out as counted elsewhere on the word of a
/// line that no longer describes its file.
extension SourceIngestor {
    /// Where the bytes `sha256` of the file at `display` are already counted, if they are. Of the files among the
    /// sources, a copy is a copy only of a file there now with the same bytes: one this run has hashed, one untouched
    /// since it was read, or one hashed again here. A counted file no longer among the sources, with these bytes, was
    /// moved here when this path has no counting line of its own: its line moves here, so that an auditor finds the
    /// bytes its rollups come from. Where this path has one, the file is a copy of the deleted file, whose line keeps
    /// counting, and whose bytes an auditor finds here.
    func counted(_ sha256: String, at display: String, store: KoukaStore) throws -> CountedBytes? {
        var away: SourceFileRecord? = nil
        // Another path's day by this file's format: a deleted line's path is among no source to ask (helper-141).
        let parser = file(at: display)?.spec.parser
        let namedDay = parser?.dayNamed(by: display)
        for line in try store.sources(withSHA256: sha256, otherThan: display) where parser?.dayNamed(by: line.path) == namedDay {
            // A file read whole this run whose hash is taken as it is read, and that is not recorded yet, is one
            // whose turn has not come: its ledger line is judged as any such file's is. Were it passed over, two
            // identical files read again together would swap which of them is the copy.
            if let hash = newHashThisRun[line.path], !hash.isEmpty || recorded.contains(line.path) {
                if hash == sha256 { return .copy(of: line.path) }
            } else if let file = self.file(at: line.path) {
                looksEarly(at: line.path)
                if holds(sha256, path: file.path, as: line) { return .copy(of: line.path) }
            } else if away == nil {
                away = line
            }
        }
        if let first = readThisRun[copyKey(sha256, at: display)], first != display { return .copy(of: first) }
        guard let away else { return nil }
        // A path whose own line counts (read before, or deleted and kept), saved over in place or replaced through a rename
        // with a deleted file's bytes, is a copy of that file: taken for the deleted file moved here, its own line would be
        // dropped with what it counted, without a word, and counted again, the bytes would count twice where a format has no
        // run ids to tell. So is such a copy already. (A copy made while its original was there takes its line over once
        // the original is deleted, as a moved file would.)
        if let own = try store.source(path: display),
           own.status == .present || own.status == .gone || Self.isCopyOfDeleted(own) {
            // Unless it is the deleted file itself, by its inode and birth time: moved over this path's file (`mv a b`), or
            // into the place of a file renamed away (`mv b c; mv a b`). Its line moves here; this path's own goes, named when
            // what it counted is nowhere else (`nameLineMovedOver`).
            guard let file = file(at: display), let status = FileStatus(path: file.path),
                  Self.isSameFile(path: file.path, status: status, as: away, format: file.spec.format) else {
                return .copy(of: away.path)
            }
        }
        return .moved(from: away)
    }

    /// Settles whether a file to be read whole counts: the path of the file it is a copy of, or nil when it
    /// counts (moving to it the ledger line of a counted file that was moved here).
    func settle(_ sha256: String, at display: String, store: KoukaStore, summary: inout NightlySummary) throws -> String? {
        switch try counted(sha256, at: display, store: store) {
        case let .copy(of: original)?:
            return original
        case let .moved(from: line)?:
            // Its notice is kept with the rename, for the next run to state should this one be killed before its summary.
            try store.inOneTransaction {
                try nameLineMovedOver(at: display, by: line.path, store: store, summary: &summary)
                try store.renameSource(from: line.path, to: display)
            }
            vanished = vanished.mapValues { $0.filter { $0.path != line.path } }
            if line.status == .gone { backFromAway.insert(display) }
            summary.filesRenamed.append(.init(from: line.path, to: display))
            renamedTonight.insert(display)
            logger.notice("source file has the bytes of a counted file no longer at its path: it was moved, and its figures move with it",
                          metadata: ["from": "\(line.path)", "to": "\(display)"])
        case nil:
            break
        }
        readThisRun[copyKey(sha256, at: display)] = display
        return nil
    }

    /// The day the format reads the file at `display` as of by its name (`LogParser.dayNamed(by:)`).
    private func dayNamed(by display: String) -> LocalDate? {
        file(at: display)?.spec.parser.dayNamed(by: display)
    }

    /// What a file is a copy of a file read this run by: its bytes, and for a format that reads a file as of the day its
    /// name gives, that day.
    func copyKey(_ sha256: String, at display: String) -> String {
        dayNamed(by: display).map { "\(sha256)@\($0)" } ?? sha256
    }

    /// Whether the file at `path` holds now the bytes its ledger line gives: taken on trust when it is
    /// untouched since it was read (as an unchanged file is), hashed again when not.
    private func holds(_ sha256: String, path: String, as line: SourceFileRecord) -> Bool {
        guard let status = FileStatus(path: path) else { return false }
        return IngestPlan.isUntouched(status, since: line) || SHA256.hexDigest(ofFile: path) == sha256
    }

    /// Whether the ledger line at `path` keeps what it counts through this run, so that a file recorded now
    /// leaves out the runs it counts. Not when its file is read again whole this run and has not had its
    /// turn: the line describes what the file held, and when its turn comes the file leaves out the runs
    /// of the files recorded before it. A file gone from the sources keeps its figures, and so does one
    /// that cannot be opened (it is skipped as unreadable).
    func stands(_ path: String, store: KoukaStore) throws -> Bool {
        if recorded.contains(path) { return true }
        let stands: Bool
        if let replaced = replacing(path) {
            stands = !replaced
        } else if let file = self.file(at: path), let status = FileStatus(path: file.path), let known = try store.source(path: path) {
            looksEarly(at: path)
            let plan = IngestPlan.decide(path: file.path, status: status, known: known, format: file.spec.format,
                                         resumable: file.spec.parser as? any ResumableLogParser, forced: forced.contains(path),
                                         officeHours: officeHoursText, timeZone: timeZoneText(for: file.spec))
            stands = plan != .full || !Self.canOpen(file.path)
        } else {
            stands = true
        }
        if !stands { awaited.insert(path) }
        return stands
    }

    /// Files whose runs a recorded file counted because they were to be read again this run, and that were
    /// not: until they are (the next run), a run may count in both. A run stopped early leaves them; one that
    /// was not, only when such a file could not be read at its turn, or looked untouched again.
    var unsettled: [String] { awaited.subtracting(recorded).sorted() }

    private static func canOpen(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        close(fd)
        return true
    }
}
