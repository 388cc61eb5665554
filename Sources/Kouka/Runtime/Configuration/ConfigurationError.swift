/// The configuration cannot be used; found before any log is read, and the job exits 64.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String

    package init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "configuration \(path): \(message)" }
}
