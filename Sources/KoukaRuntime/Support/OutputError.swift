/// A report or folder could not be written; earlier files are left as they were.
public struct OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String {
        "cannot write \(path) (\(reason)); check free space and that the job's user may write to the folder"
    }
}
