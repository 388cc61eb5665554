/// The ledger's line for one source file: what was read of it, and how much of it counted.
public struct SourceFileRecord: Sendable, Hashable, Codable {
    /// Whether the file's contribution counts.
    public enum Status: String, Sendable, Codable {
        /// Read; its rollups count.
        case present
        /// Not the configured format, or unreadable: nothing of it counts.
        case rejected
    }

    public var id: Int64
    public var path: String
    public var format: String
    public var size: Int64
    public var sha256: String
    public var rowsRead: Int
    public var rowsAccepted: Int
    public var rowsRejected: Int
    public var pendingRuns: Int
    /// The byte offset reading reached.
    public var byteOffset: Int64
    public var status: Status
    /// Why a rejected file was rejected.
    public var rejectReason: String?

    public init(
        id: Int64 = 0, path: String, format: String, size: Int64, sha256: String, rowsRead: Int = 0, rowsAccepted: Int = 0,
        rowsRejected: Int = 0, pendingRuns: Int = 0, byteOffset: Int64 = 0, status: Status = .present, rejectReason: String? = nil
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
        self.byteOffset = byteOffset
        self.status = status
        self.rejectReason = rejectReason
    }
}
