/// The configuration cannot be used; found before any log is read, and the job exits 64.
package struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    package var path: String
    package var message: String

    package init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    package var description: String { "configuration \(path): \(message)" }
}
