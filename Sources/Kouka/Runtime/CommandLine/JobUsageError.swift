/// Arguments a job cannot run with: printed with the job's usage line, and the job exits 64 before any work.
package struct JobUsageError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, quoting what was given: "Unknown option '--bogus'".
    package let message: String
    /// The option the message is about, whose help is then printed under it.
    let option: JobOption?

    package init(_ message: String) {
        self.message = message
        self.option = nil
    }

    init(_ message: String, option: JobOption?) {
        self.message = message
        self.option = option
    }

    package var description: String { message }
}
