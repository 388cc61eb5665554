/// Where an event or a rejected row came from, so every figure can be traced to a log line.
package struct SourceLocation: Sendable, Hashable, Codable {
    /// The path of the log file as named in the configuration's source pattern.
    package var file: String
    /// The 1-based line on which the record starts.
    package var line: Int

    package init(file: String, line: Int) {
        self.file = file
        self.line = line
    }
}
