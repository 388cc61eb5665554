import Foundation

/// What the UiPath parser carries from one read of a growing log to the next: the file's encoding, settled
/// on the first read, and the runs that had not ended.
struct UiPathResumeState: Codable {
    var encoding: TextEncoding
    var runs: [String: UiPathRun]
    /// True when the reading ended in a line without its newline that it rejected (cut off, past the time a robot
    /// may still be writing it): bytes added later may be that line's rest, which read on alone is no line at all —
    /// the log is read whole instead (helper-190 #1: the run the line ended stayed unfinished, exit 0 from the next
    /// night on). Absent (not false) otherwise, so that the states saved before it decode and encode as they were.
    var endsInARejectedCutLine: Bool?

    /// A saved state that does not decode. The nightly job reads such a file whole instead of on
    /// (`canResume`), so this is met only by a caller that resumes without asking first.
    struct Unreadable: Error, CustomStringConvertible {
        var problem: String
        var description: String {
            "the saved reading state of a UiPath log in the ledger does not decode (\(problem)); the runs it held cannot be restored. Run kouka-nightly --since <the log's day> to read the log whole again"
        }
    }

    init(encoding: TextEncoding, runs: [String: UiPathRun], endsInARejectedCutLine: Bool = false) {
        self.encoding = encoding
        self.runs = runs
        self.endsInARejectedCutLine = endsInARejectedCutLine ? true : nil
    }

    /// The state saved as `text`; throws `Unreadable` rather than forget the unended runs it held.
    init(_ text: String) throws(Unreadable) {
        do {
            self = try JSONDecoder().decode(Self.self, from: Data(text.utf8))
        } catch {
            throw Unreadable(problem: DecodingProblem.describe(error))
        }
    }

    /// The state as the ledger keeps it.
    func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
