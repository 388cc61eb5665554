
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
    static func of(_ ledger: [SourceFileRecord]) -> ReadingAwaited? {
        let awaiting = ledger.filter { ($0.status == .present || $0.status == .duplicate) && $0.changedAt == 0 }
        guard let first = awaiting.first else { return nil }
        return ReadingAwaited(files: awaiting.count, example: first.path)
    }
}
