
/// The store was upgraded (its migrations ran, by any job that opened it) and some counted files are to be read again by
/// the new rules before its figures are this version's: lines whose change time a migration cleared. A report or an audit
/// made before the nightly run reads them states the earlier version's figures as this one's, with exit 0 (helper-170 #1:
/// 333.33 h published where 0.5.14 counts 308.33, the Studio runs still in). It stops instead (75), until kouka-nightly
/// has read them.
package struct ReadingAwaited: Error, Sendable, Equatable, CustomStringConvertible {
    /// How many counted files await their reading, and one of them.
    package var files: Int
    package var example: String

    package var description: String {
        "the store was upgraded and \(files) counted file(s) (such as \(example)) are to be read again by this version's rules, which may change their figures: run kouka-nightly, which reads them, then run this again"
    }

    /// The counted files of `ledger` that a migration marked to be read again (no change time), when there are any; a gone
    /// file cannot be read again and keeps what it counted.
    static func awaiting(_ ledger: [SourceFileRecord]) -> ReadingAwaited? {
        let awaiting = ledger.filter { ($0.status == .present || $0.status == .duplicate) && $0.changedAt == 0 }
        guard let first = awaiting.first else { return nil }
        return ReadingAwaited(files: awaiting.count, example: first.path)
    }

    /// `awaiting(ledger)`, unless a nightly run of this version has finished every file since it first read the store: then
    /// the files left were tried and could not be read (the nightly names them under `filesUnreadable` each night), and
    /// waiting for another run would block every report with nothing staff could do by running it (helper-174 #1: a log
    /// copied back as root). The report goes on, and says so (`ReportJob`).
    static func of(_ ledger: [SourceFileRecord], store: KoukaStore) throws -> ReadingAwaited? {
        guard let awaited = awaiting(ledger) else { return nil }
        return try triedByThisVersion(store) ? nil : awaited
    }

    /// Whether a nightly run of this Kouka that finished every file started after this version first read the store.
    static func triedByThisVersion(_ store: KoukaStore) throws -> Bool {
        guard let since = try store.readBySince().first(where: { $0.version == KoukaVersion.current })?.at else { return false }
        for run in try store.jobRuns().reversed() where run.job == NightlyJob.job && run.state == .finished && !run.interrupted {
            if let started = try store.startedInstant(ofRun: run.id), started >= since { return true }
        }
        return false
    }
}
