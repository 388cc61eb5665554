/// Kouka will not write to a path as it stands: a symbolic link where the configuration named no link, a
/// report folder holding files Kouka did not write, a file where a folder belongs. Nothing was written;
/// the job exits 73, and the message says what to change.
package struct OutputRefused: Error, Sendable, Equatable, CustomStringConvertible {
    package var path: String
    /// What is wrong with `path`.
    package var problem: String
    /// What the user should do.
    package var remedy: String

    package init(path: String, problem: String, remedy: String) {
        self.path = path
        self.problem = problem
        self.remedy = remedy
    }

    package var description: String { "refusing to write \(path): \(problem); \(remedy)" }

    /// `path` is a symbolic link to `target`, which Kouka does not follow: a link planted there would send the
    /// city's figures (or a truncation) wherever it points.
    static func symbolicLink(_ path: String, remedy: String) -> OutputRefused {
        OutputRefused(path: path, problem: "it is a symbolic link (to \(FolderHandle.linkTarget(path))), and Kouka writes only where kouka.toml says",
                      remedy: remedy)
    }
}
