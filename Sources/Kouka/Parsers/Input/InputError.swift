/// A file that could not be read at all. Nothing of it is counted; the job names it and goes on.
package enum InputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file does not exist or the job may not open it.
    case cannotOpen(path: String, reason: String)
    /// A read failed part way (a disk or network-share error).
    case cannotRead(path: String, reason: String)
    /// A directory, FIFO or device where a log file was expected.
    case notARegularFile(path: String)
    /// Text in an encoding this format does not read (UTF-16 saved by Excel or Notepad): `found` names it.
    case unreadableEncoding(path: String, found: String)
    /// Text in an encoding Kouka reads (UTF-16 with a BOM) that does not decode at byte `offset`: a cut or
    /// damaged file, read no further rather than counted in part.
    case damagedText(path: String, encoding: String, offset: Int64, problem: String)

    package var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            "\(path): cannot open (\(reason)); check that the file exists and the job's user may read it"
        case let .cannotRead(path, reason):
            "\(path): read failed (\(reason)); the file is skipped and read again next run"
        case let .notARegularFile(path):
            "\(path): not a regular file; point the source pattern at log files only"
        case let .unreadableEncoding(path, found):
            "\(path): \(found) — this format reads UTF-8 or Shift_JIS; save the file as UTF-8 (Excel: \"CSV UTF-8\") and nothing else changes"
        case let .damagedText(path, encoding, offset, problem):
            "\(path): \(encoding) text that does not decode at byte \(offset) (\(problem)); the file is cut or damaged and nothing of it is counted — export or save it again"
        }
    }
}
