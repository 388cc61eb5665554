import Foundation

/// What the UiPath parser carries from one read of a growing log to the next: the file's encoding, settled
/// on the first read, and the runs that had not ended.
struct UiPathResumeState: Codable {
    var encoding: TextEncoding
    var runs: [String: UiPathRun]

    /// A saved state that does not decode. The nightly job reads such a file whole instead of on
    /// (`canResume`), so this is met only by a caller that resumes without asking first.
    struct Unreadable: Error, CustomStringConvertible {
        var problem: String
        var description: String {
            "the saved reading state of a UiPath log in the ledger does not decode (\(problem)); the runs it held cannot be restored. Run kouka-nightly --since <the log's day> to read the log whole again"
        }
    }

    init(encoding: TextEncoding, runs: [String: UiPathRun]) {
        self.encoding = encoding
        self.runs = runs
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
