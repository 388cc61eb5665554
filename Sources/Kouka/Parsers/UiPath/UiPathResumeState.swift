import Foundation

/// What the UiPath parser carries from one read of a growing log to the next: the file's encoding, settled
/// on the first read, and the runs that had not ended.
struct UiPathResumeState: Codable {
    var encoding: TextEncoding
    var runs: [String: UiPathRun]

    init(encoding: TextEncoding, runs: [String: UiPathRun]) {
        self.encoding = encoding
        self.runs = runs
    }

    init?(_ text: String) {
        guard let value = try? JSONDecoder().decode(Self.self, from: Data(text.utf8)) else { return nil }
        self = value
    }

    var text: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
