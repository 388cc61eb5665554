/// Where an event or a rejected row came from, so every figure can be traced to a log line.
public struct SourceLocation: Sendable, Hashable, Codable {
    /// The path of the log file as named in the configuration's source pattern.
    public var file: String
    /// The 1-based line on which the record starts.
    public var line: Int

    /// The record starting at `line` of `file`.
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }
}
