/// Deleted transcripts that each count one recording, under the name Kouka 0.5.8 and earlier gave it or the name it has
/// now (`X.mp3.srt` and `X.mp3.words.srt`, both deleted by retention after 0.5.8 counted the meeting twice): they cannot be
/// read again, so the one the store recorded first keeps the meeting and the others give it up (helper-111 #2: 6.00 h
/// shown 9.00 h, every job exit 0).
enum DeletedKindsOfOneRecording {
    /// A deleted transcript's count of its recording: its line, and the run-id hash it counts the recording under.
    struct Count {
        var line: LegacyTranscriptNames.Line
        var hash: UInt64
    }

    /// The deleted transcripts of `ledger` counting a recording another deleted one counts too, by the recording's name,
    /// each group in the order the store first recorded them (ledger id).
    static func groups(_ ledger: some Sequence<LegacyTranscriptNames.Line>, store: KoukaStore) throws -> [String: [Count]] {
        var byName: [String: [LegacyTranscriptNames.Line]] = [:]
        for line in ledger where line.status == .gone && line.format == TranscriptParser.format {
            byName[TranscriptRecording.name(of: line.path), default: []].append(line)
        }
        var groups: [String: [Count]] = [:]
        // Only names two deleted transcripts share are looked up: a city's deleted meetings are many.
        for (name, lines) in byName where lines.count > 1 {
            var counting: [Count] = []
            for line in lines.sorted(by: { $0.id < $1.id }) {
                if let counted = try LegacyTranscriptNames.countedName(of: line, store: store) { counting.append(Count(line: line, hash: counted.hash)) }
            }
            if counting.count > 1 { groups[name] = counting }
        }
        return groups
    }

    /// The quarantine's reason for a deleted transcript whose count was taken off: it names the file that keeps the
    /// meeting as a repeat does (`RunAdmission.countedInText`).
    static func reason(keptBy kept: String) -> String {
        "the recording is already counted in \(RunAdmission.countedInText(kept)): this deleted transcript counted it again under the name of its recording an earlier Kouka gave it, and its count was taken off"
    }
}

extension SourceIngestor {
    /// Has every deleted transcript counting a recording another deleted one counted first give its meeting up, named under
    /// `runsGivenUp`. A line whose rows in the store are not those recorded, or not one run, is left as it is: the store is
    /// then refused by reports and verification (`LegacyTranscriptNames.check`) with its path.
    func settleDeletedKindsOfOneRecording(store: KoukaStore, summary: inout NightlySummary) throws {
        let lines = deletedTranscriptLines()
        for (_, counts) in try DeletedKindsOfOneRecording.groups(lines, store: store).sorted(by: { $0.key < $1.key }) {
            let kept = counts[0].line.path
            for count in counts.dropFirst() {
                guard try isUnchangedInStore(count.line.id, path: count.line.path, store: store, summary: &summary) else { continue }
                let rollups = try store.rollups(ofSource: count.line.id)
                guard rollups.count == 1, let rollup = rollups.first, rollup.totals.events == 1 else { continue }
                let run = RunRollup(hash: count.hash, line: 1, unfinished: false, unanswered: false, key: rollup.key, totals: rollup.totals)
                try store.giveUp([run], from: count.line.id, path: count.line.path, countedIn: kept, reason: DeletedKindsOfOneRecording.reason(keptBy: kept))
                summary.runsGivenUp.append(.init(path: count.line.path, reason: "not among the sources (deleted), it counted the recording \(kept) counts too, under the name an earlier Kouka gave it (before 0.5.9 a tool's .words, .cc or .transcript kind, or a name with the audio's extension, was another recording): its count was taken off, and \(kept) counts the meeting once"))
                logger.notice("a deleted transcript gives up a meeting another deleted transcript counts", metadata: ["file": "\(count.line.path)", "kept by": "\(kept)"])
            }
        }
        legacyTranscripts = nil
    }

    /// The ledger's deleted transcripts as the run began: looked at by their status first, since a city's ledger is its
    /// thousands of daily logs and a night with nothing new reads it whole.
    func deletedTranscriptLines() -> [LegacyTranscriptNames.Line] {
        var lines: [LegacyTranscriptNames.Line] = []
        for index in ledgerLines.indices where ledgerLines[index].status == .gone && ledgerLines[index].format == TranscriptParser.format {
            let line = ledgerLines[index]
            lines.append(.init(id: line.id, path: line.path, status: line.status, format: line.format))
        }
        return lines
    }
}
