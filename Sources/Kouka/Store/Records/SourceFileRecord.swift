/// The ledger's line for one source file: what was read of it, and how much of it counted.
package struct SourceFileRecord: Sendable, Hashable, Codable {
    /// Whether the file's contribution counts.
    package enum Status: String, Sendable, Codable {
        /// Read; its rollups count.
        case present
        /// Not the configured format, or unreadable: nothing of it counts.
        case rejected
        /// Deleted or rotated away since it was read; its rollups still count.
        case gone
        /// The same bytes as another file that counts: nothing of it counts again.
        case duplicate
        /// Never read: the job may not read it, or something else stands at its path (a folder, a FIFO).
        /// Nothing of it counts; every run tries it again.
        case unreadable
    }

    package var id: Int64
    package var path: String
    package var format: String
    package var size: Int64
    package var sha256: String
    package var rowsRead: Int
    package var rowsAccepted: Int
    package var rowsRejected: Int
    package var pendingRuns: Int
    /// Rows rejected because their run was already counted (earlier in the file or in another file).
    package var rowsRepeated: Int
    /// Rows counted that are identical (task, start, status) to another row, of another file or of this one: no run id
    /// tells whether they are one run exported twice (`NightlySummary.identicalRows`).
    package var rowsIdentical = 0
    /// The byte offset reading reached: the end of the last complete record read.
    package var byteOffset: Int64
    package var status: Status
    /// Why a rejected file was rejected.
    package var rejectReason: String?
    /// The file's modification time (seconds since 1970) and inode when read: unchanged, they let a run
    /// skip the file without reading a byte.
    package var modifiedAt: Double
    package var inode: Int64
    /// The inode's change time (seconds since 1970) when read; 0 in a line written before it was kept.
    /// Unlike the modification time it cannot be set back, so a file rewritten in place or re-created
    /// with the old size and time shows as changed.
    package var changedAt: Double = 0
    /// When the file was created, where the filesystem records it; nil where it does not, or in a line
    /// written before it was kept. A file deleted and created again has a new one, even on the old inode.
    package var bornAt: Double?
    /// The office hours this file's chatbot answers were judged by (`OfficeHours.ledgerText`), or
    /// `unknown` when a Kouka that did not record them read it; nil when it has no chatbot answers.
    package var officeHours: String?
    /// The time zone the file was read in (`TimeZone.identifier`); nil in a line written before Kouka kept it.
    package var timeZone: String?
    /// A digest of the first and last 64 KiB before `byteOffset`, to check that an appended file's part
    /// already read is unchanged.
    package var prefixFingerprint: String
    /// Where and with what parser state reading resumes when the file grows (resumable formats only).
    package var resumeLine: Int
    package var resumeState: String?
    /// The SHA-256 state at `byteOffset`, so an append hashes only the new bytes.
    package var hashState: String?

    package init(
        id: Int64 = 0, path: String, format: String, size: Int64, sha256: String, rowsRead: Int = 0, rowsAccepted: Int = 0,
        rowsRejected: Int = 0, pendingRuns: Int = 0, rowsRepeated: Int = 0, byteOffset: Int64 = 0, status: Status = .present, rejectReason: String? = nil,
        modifiedAt: Double = 0, inode: Int64 = 0, prefixFingerprint: String = "", resumeLine: Int = 1, resumeState: String? = nil,
        hashState: String? = nil
    ) {
        self.id = id
        self.path = path
        self.format = format
        self.size = size
        self.sha256 = sha256
        self.rowsRead = rowsRead
        self.rowsAccepted = rowsAccepted
        self.rowsRejected = rowsRejected
        self.pendingRuns = pendingRuns
        self.rowsRepeated = rowsRepeated
        self.byteOffset = byteOffset
        self.status = status
        self.rejectReason = rejectReason
        self.modifiedAt = modifiedAt
        self.inode = inode
        self.prefixFingerprint = prefixFingerprint
        self.resumeLine = resumeLine
        self.resumeState = resumeState
        self.hashState = hashState
    }
}
