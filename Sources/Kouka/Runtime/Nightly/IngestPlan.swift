
/// What a run does with one source file.
enum IngestPlan: Equatable {
    /// The same file, untouched since it was last read (size, modification and change times, inode and
    /// birth time), with nothing waiting: not a byte is read.
    case unchanged
    /// The same file, grown, and the part read before is unchanged: read on from where the last run stopped.
    case append(SourceFileRecord)
    /// New, rewritten, truncated, replaced, rotated or forced, or its chatbot answers judged by other office
    /// hours than `officeHours`: read it whole and replace its contribution.
    case full

    /// Decides from the ledger's line for the file (if any) and the file as it is now; `officeHours` is the
    /// configured hours' `ledgerText`.
    static func decide(
        path: String, status: FileStatus, known: SourceFileRecord?, format: String, resumable: Bool, forced: Bool, officeHours: String
    ) -> IngestPlan {
        guard let known, !forced, known.format == format, known.status != .unreadable else { return .full }
        if hasOtherOfficeHours(known, than: officeHours) { return .full }
        let untouched = isUntouched(status, since: known)
        if untouched && (known.pendingRuns == 0 || known.status == .rejected || known.status == .duplicate) { return .unchanged }
        // Only the file read before can be read on: one whose identity is in doubt is read whole, whatever
        // its first and last bytes say.
        guard resumable, known.status == .present, known.resumeState != nil, doubt(about: status, known: known) == nil,
              status.size >= known.byteOffset,
              PrefixFingerprint.of(path: path, length: known.byteOffset) == known.prefixFingerprint else { return .full }
        return .append(known)
    }

    /// Whether the file's chatbot answers were marked off-hours by other office hours than the configured
    /// ones (`unknown` included): what they counted would not be what the configuration says.
    static func hasOtherOfficeHours(_ known: SourceFileRecord, than officeHours: String) -> Bool {
        known.officeHours.map { $0 != officeHours } ?? false
    }

    /// Whether the file is the one `known` describes and has not been touched since: what lets a run skip
    /// it. The change time cannot be set back, so a file rewritten or re-created with its old size and
    /// modification time is not taken for untouched; a line without one (written before it was kept) is not
    /// trusted.
    static func isUntouched(_ status: FileStatus, since known: SourceFileRecord) -> Bool {
        known.changedAt != 0 && known.size == status.size && known.modifiedAt == status.modifiedAt && known.inode == status.inode
            && known.changedAt == status.changedAt && !isReborn(status, since: known)
    }

    /// Why the file at a path may not be the file `known` describes, or not as it was read, so that only a
    /// whole reading can tell what it holds; nil when it is that file, untouched or only grown.
    static func doubt(about status: FileStatus, known: SourceFileRecord) -> String? {
        if status.inode != known.inode { return "another file stands at its path (a new inode)" }
        if isReborn(status, since: known) { return "it was deleted and created again (a new birth time)" }
        if status.size < known.size { return "it is smaller than when it was last read" }
        if status.size > known.size || isUntouched(status, since: known) { return nil }
        return known.changedAt == 0
            ? "the ledger has no change time for it (written by an earlier Kouka)"
            : "it changed without growing (rewritten in place, renamed or its permissions changed)"
    }

    /// A new birth time: the file was deleted and created again, even if the filesystem gave it the old inode.
    private static func isReborn(_ status: FileStatus, since known: SourceFileRecord) -> Bool {
        guard let born = status.bornAt, let was = known.bornAt else { return false }
        return born != was
    }

    var label: String {
        switch self {
        case .unchanged: "unchanged"
        case .append: "append"
        case .full: "full"
        }
    }
}
