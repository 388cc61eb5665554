/// A rejected record as the quarantine keeps it: where and why, never the record's text.
public struct StoredRejection: Sendable, Hashable, Codable {
    public var path: String
    public var line: Int
    public var reason: String

    public init(path: String, line: Int, reason: String) {
        self.path = path
        self.line = line
        self.reason = reason
    }
}
