
/// The order the store first recorded its files in, by display path: the order in which reading them again gives each
/// run to the file that counted it first. A file the store holds as a copy comes after every counted file: saved over
/// with another's bytes it is the copy even when the store recorded it first, and read first it would be taken for the
/// original. `kouka-audit verify` reads the logs again in it, and `kouka-nightly --since` reads again in it.
enum FirstRecordedOrder {
    /// Added to a copy's ledger id: after any id a store can reach.
    static let copiesAfter: Int64 = 1 << 48

    /// The rank of each of `lines` (ledger id, display path, and whether the store holds it as a copy).
    static func of(_ lines: some Sequence<(id: Int64, path: String, isCopy: Bool)>) -> [String: Int64] {
        Dictionary(lines.map { ($0.path, $0.isCopy ? $0.id + copiesAfter : $0.id) }, uniquingKeysWith: min)
    }
}

extension NightlyJob {
    /// `FirstRecordedOrder` of the ledger the run started with.
    static func firstRecordedOrder(_ ledger: [LedgerIdentity]) -> [String: Int64] {
        FirstRecordedOrder.of(ledger.lazy.map { (id: $0.id, path: $0.path, isCopy: $0.status == .duplicate) })
    }
}
