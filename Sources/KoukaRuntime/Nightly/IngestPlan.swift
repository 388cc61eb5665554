import KoukaStore

/// What a run does with one source file.
enum IngestPlan: Equatable {
    /// Same size, time and inode as when last read, with nothing waiting: not a byte is read.
    case unchanged
    /// It grew, and the part read before is unchanged: read on from where the last run stopped.
    case append(SourceFileRecord)
    /// New, rewritten, truncated, rotated or forced: read it whole and replace its contribution.
    case full

    /// Decides from the ledger's line for the file (if any) and the file as it is now.
    static func decide(
        path: String, status: FileStatus, known: SourceFileRecord?, format: String, resumable: Bool, forced: Bool
    ) -> IngestPlan {
        guard let known, !forced, known.format == format, known.status != .unreadable else { return .full }
        let untouched = known.size == status.size && known.modifiedAt == status.modifiedAt && known.inode == status.inode
        if untouched && (known.pendingRuns == 0 || known.status == .rejected || known.status == .duplicate) { return .unchanged }
        guard resumable, known.status == .present, known.resumeState != nil, status.size >= known.byteOffset,
              PrefixFingerprint.of(path: path, length: known.byteOffset) == known.prefixFingerprint else { return .full }
        return .append(known)
    }

    var label: String {
        switch self {
        case .unchanged: "unchanged"
        case .append: "append"
        case .full: "full"
        }
    }
}
