/// A report or folder could not be written; earlier files are left as they were.
package struct OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    package var path: String
    package var reason: String

    package var description: String {
        "cannot write \(path) (\(reason)); check free space and that the job's user may write to the folder"
    }
}
