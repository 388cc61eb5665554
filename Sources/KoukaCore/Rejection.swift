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

extension Rejection {
    /// The same rejection with its line moved on by `lines`; a whole-file rejection (line 0) stays as it is.
    public func shifted(by lines: Int) -> Rejection {
        guard line > 0, lines != 0 else { return self }
        return Rejection(file: file, line: line + lines, reason: reason)
    }
}
