/// The transcripts a store counts under the recording name Kouka 0.5.8 and earlier gave them
/// (`TranscriptRecording.legacyName(of:)`), where the name is another now (`X.mp3.srt`, `X.mp3.words.srt`).
///
/// A transcript's run id is its recording's name, so a file counted under its old name and a file of the same recording
/// read under the new one would each count the meeting. A present one is read again for the new name by the next nightly
/// run (and the store is not reported from until then); a deleted one cannot be, and keeps its old id: a file of its
/// recording read under the new name leaves the meeting to it, as it would to a file counting it under that name.
struct LegacyTranscriptNames {
    /// Deleted transcripts counting their recording under its old name, by the recording's name now.
    let goneCounting: [String: String]

    /// What of a ledger line this needs: its id, path, status and format.
    struct Line {
        var id: Int64
        var path: String
        var status: SourceFileRecord.Status
        var format: String
    }

    /// Those of `ledger`, from the run ids `store` holds for them.
    init(ledger: some Sequence<Line>, store: KoukaStore) throws {
        var gone: [String: String] = [:]
        for line in ledger where line.status == .gone && line.format == TranscriptParser.format && !Self.sameName(line.path) {
            if try Self.countedName(of: line, store: store)?.legacy == true {
                gone[TranscriptRecording.name(of: line.path)] = gone[TranscriptRecording.name(of: line.path)] ?? line.path
            }
        }
        goneCounting = gone
    }

    /// Whether the present transcript `line` must be read again for its recording's name: it counts the recording under
    /// its old name, or counts it under the new one while a deleted transcript counts it under the old.
    func mustReadAgain(_ line: Line, store: KoukaStore) throws -> Bool {
        guard line.status == .present, line.format == TranscriptParser.format else { return false }
        // The store is asked only of a transcript the new rule names otherwise, or of a recording a deleted one counts so.
        let gone = goneCounting[TranscriptRecording.name(of: line.path)].flatMap { $0 == line.path ? nil : $0 }
        guard !Self.sameName(line.path) || gone != nil, let counted = try Self.countedName(of: line, store: store) else { return false }
        return counted.legacy || gone != nil
    }

    /// The deleted transcript that counts the recording of the transcript at `display` under its old name, if any.
    func countedUnderOldName(of display: String) -> String? {
        goneCounting[TranscriptRecording.name(of: display)].flatMap { $0 == display ? nil : $0 }
    }

    /// Refuses a store holding a transcript the next nightly run reads again for its recording's name: until then it may
    /// count a meeting twice (helper-109 #1).
    static func check(_ ledger: [SourceFileRecord], store: KoukaStore, configurationPath: String) throws {
        let lines = ledger.filter { $0.format == TranscriptParser.format }.map { Line(id: $0.id, path: $0.path, status: $0.status, format: $0.format) }
        guard !lines.isEmpty else { return }
        if let (_, counts) = try DeletedKindsOfOneRecording.groups(lines, store: store).min(by: { $0.key < $1.key }) {
            throw ConfigurationError(path: configurationPath, message: """
                \(counts.map(\.line.path).joined(separator: " and ")), deleted, each count one recording (under the name of its \
                recording an earlier Kouka gave them), so the meeting is counted \(counts.count) times: run kouka-nightly, which has \
                all but the first give it up, before reporting or verifying; if it cannot (their rows in the store were changed), \
                restore the store from a backup, or put the transcripts back among the sources
                """)
        }
        let names = try LegacyTranscriptNames(ledger: lines, store: store)
        guard let first = try lines.first(where: { try names.mustReadAgain($0, store: store) }) else { return }
        throw ConfigurationError(path: configurationPath, message: """
            \(first.path) was counted under the name of its recording an earlier Kouka gave it, which another transcript of the \
            same recording (its .words, .cc or .transcript kind, or one named with or without the audio's extension) did not \
            share, so the meeting may be counted twice: run kouka-nightly, which reads such transcripts again under the \
            recording's name, before reporting or verifying
            """)
    }

    private static func sameName(_ display: String) -> Bool {
        TranscriptRecording.name(of: display) == TranscriptRecording.legacyName(of: display)
    }

    /// The run id the transcript of `line` counts its recording under, from the store's run ids for it: the recording's
    /// name, or (`legacy`) the name an earlier Kouka gave it where that is another; nil when it counts neither (a repeat).
    static func countedName(of line: Line, store: KoukaStore) throws -> (hash: UInt64, legacy: Bool)? {
        let keys = try store.runKeySet(ofSource: line.id).hashes
        let name = RunKeyHash.of(TranscriptRecording.name(of: line.path))
        if keys.contains(name) { return (name, false) }
        let legacy = RunKeyHash.of(TranscriptRecording.legacyName(of: line.path))
        return legacy != name && keys.contains(legacy) ? (legacy, true) : nil
    }
}

extension SourceIngestor {
    /// The store's transcripts counted under an earlier Kouka's name of their recording, from the ledger as the run began.
    func legacyTranscriptNames(store: KoukaStore) throws -> LegacyTranscriptNames {
        if let legacyTranscripts { return legacyTranscripts }
        let names = try LegacyTranscriptNames(ledger: deletedTranscriptLines(), store: store)
        legacyTranscripts = names
        return names
    }

    /// Whether the transcript of the ledger's `line`, unchanged, is to be read again for its recording's name: the run then
    /// looks it up whole, as `prepare` decides it.
    func readsAgainForRecordingName(_ line: LedgerIdentity, store: KoukaStore?) throws -> Bool {
        guard line.format == TranscriptParser.format, let store else { return false }
        return try legacyTranscriptNames(store: store).mustReadAgain(.init(id: line.id, path: line.path, status: line.status, format: line.format), store: store)
    }
}
