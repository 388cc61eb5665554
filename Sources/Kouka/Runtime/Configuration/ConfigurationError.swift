/// The configuration cannot be used; found before any log is read, and the job exits 64.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The configuration file, or the log or catalog the problem is about.
    public var path: String
    /// What is wrong and what to do, naming the key or value at fault.
    public var message: String

    package init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// The path and the message, as the jobs print them.
    public var description: String { "configuration \(path): \(message)" }
}
