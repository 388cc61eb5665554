
/// What a run does with one source file.
enum IngestPlan: Equatable {
    /// The same file, untouched since it was last read (size, modification and change times, inode and
    /// birth time), with nothing waiting: not a byte is read.
    case unchanged
    /// The same file, grown, and the part read before is unchanged: read on from where the last run stopped.
    case append(SourceFileRecord)
    /// New, rewritten, truncated, replaced, rotated or forced, read in another time zone than `timeZone`, or its
    /// chatbot answers judged by other office hours than `officeHours`: read it whole and replace its contribution.
    case full

    /// Decides from the ledger's line for the file (if any) and the file as it is now; `officeHours` is the
    /// configured hours' `ledgerText`, `timeZone` the configured zone's identifier.
    static func decide(
        path: String, status: FileStatus, known: SourceFileRecord?, format: String, resumable: (any ResumableLogParser)?, forced: Bool, officeHours: String,
        timeZone: String
    ) -> IngestPlan {
        guard let known else { return .full }
        if isUnchanged(status: status, known: known, format: format, forced: forced, officeHours: officeHours, timeZone: timeZone) { return .unchanged }
        guard !forced, known.format == format, known.status != .unreadable, !hasOtherOfficeHours(known, than: officeHours),
              !hasOtherTimeZone(known, than: timeZone) else { return .full }
        // Only the file read before can be read on: one whose identity is in doubt is read whole, whatever
        // its first and last bytes say.
        // A saved reading or hashing state that does not restore (a store changed behind Kouka's back) would
        // lose the runs it held, or give the file a hash of its new bytes only: the file is read whole instead.
        guard let resumable, known.status == .present, let state = known.resumeState, resumable.canResume(fromSavedState: state),
              known.hashState.flatMap(SHA256.init(savedState:)) != nil, doubt(about: status, known: known) == nil,
              status.size >= known.byteOffset,
              PrefixFingerprint.of(path: path, length: known.byteOffset) == known.prefixFingerprint else { return .full }
        return .append(known)
    }

    /// Whether `decide` gives `.unchanged`: the file is the one `known` describes, untouched, of the same
    /// format, office hours and time zone, with nothing waiting. Only the line's identity is needed (a
    /// `LedgerIdentity` as the run loaded it will do), and nothing is read.
    static func isUnchanged(status: FileStatus, known: some LedgerLineIdentity, format: String, forced: Bool, officeHours: String, timeZone: String) -> Bool {
        guard !forced, known.format == format, known.status != .unreadable, !hasOtherOfficeHours(known, than: officeHours),
              !hasOtherTimeZone(known, than: timeZone) else { return false }
        // A file the ledger says is gone is back (or the line was changed behind Kouka's back): read again, it counts as present.
        return known.status != .gone && isUntouched(status, since: known)
            && (known.pendingRuns == 0 || known.status == .rejected || known.status == .duplicate)
    }

    /// Whether the file's chatbot answers were marked off-hours by other office hours than the configured
    /// ones (`unknown` included): what they counted would not be what the configuration says.
    static func hasOtherOfficeHours(_ known: some LedgerLineIdentity, than officeHours: String) -> Bool {
        known.officeHours.map { $0 != officeHours } ?? false
    }

    /// Whether the file was read in another time zone than the configured one, or before Kouka kept it: the days
    /// its runs were counted on may not be the ones the configuration gives.
    static func hasOtherTimeZone(_ known: some LedgerLineIdentity, than timeZone: String) -> Bool {
        known.timeZone != timeZone
    }

    /// Whether the file is the one `known` describes and has not been touched since: what lets a run skip
    /// it. The change time cannot be set back, so a file rewritten or re-created with its old size and
    /// modification time is not taken for untouched; a line without one (written before it was kept) is not
    /// trusted.
    static func isUntouched(_ status: FileStatus, since known: some LedgerLineIdentity) -> Bool {
        known.changedAt != 0 && known.size == status.size && known.modifiedAt == status.modifiedAt && known.inode == status.inode
            && known.changedAt == status.changedAt && !isReborn(status, since: known)
    }

    /// Why the file at a path may not be the file `known` describes, or not as it was read, so that only a
    /// whole reading can tell what it holds; nil when it is that file, untouched or only grown.
    static func doubt(about status: FileStatus, known: SourceFileRecord) -> String? {
        if status.inode != known.inode { return "another file stands at its path (a new inode)" }
        if isReborn(status, since: known) { return "it was deleted and created again (a new birth time)" }
        if status.size < known.size { return "it is smaller than when it was last read" }
        // A migration clears the change time of the files an earlier Kouka read by a rule since changed: read on from where
        // it stopped, a log that grew would keep what that rule counted in the part read before (helper-121).
        if known.changedAt == 0 { return "the ledger has no change time for it (written by an earlier Kouka)" }
        if status.size > known.size || isUntouched(status, since: known) { return nil }
        return "it changed without growing (rewritten in place, renamed or its permissions changed)"
    }

    /// A new birth time: the file was deleted and created again, even if the filesystem gave it the old inode.
    private static func isReborn(_ status: FileStatus, since known: some LedgerLineIdentity) -> Bool {
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

/// What a ledger line says of its file's identity, all `IngestPlan` needs to tell an untouched file: a whole
/// line (`SourceFileRecord`) or the identity the run loads for every line (`LedgerIdentity`).
protocol LedgerLineIdentity {
    var format: String { get }
    var status: SourceFileRecord.Status { get }
    var size: Int64 { get }
    var modifiedAt: Double { get }
    var inode: Int64 { get }
    var changedAt: Double { get }
    var bornAt: Double? { get }
    var pendingRuns: Int { get }
    var officeHours: String? { get }
    var timeZone: String? { get }
}

extension SourceFileRecord: LedgerLineIdentity {}
extension LedgerIdentity: LedgerLineIdentity {}
