/// A record that could not be counted, with where and why. Never holds the record's text: logs can
/// carry what citizens wrote.
public struct Rejection: Sendable, Hashable, Codable {
    public var file: String
    public var line: Int
    public var reason: String

    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }
}
