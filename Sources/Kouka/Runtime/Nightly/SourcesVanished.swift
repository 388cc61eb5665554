/// Most of the files a store counts are no longer at their paths, all at once, and no file with their identity turned up
/// at another: the sources' share is not mounted, or the store is another city's or a wrong backup. Marked gone, their
/// figures would be kept as if the files had been removed by a robot's log retention, and the night's logs added to
/// them; the nightly run stops instead (74) before it reads or marks anything, until someone looks.
package struct SourcesVanished: Error, Sendable, Equatable, CustomStringConvertible {
    /// The counted files no longer at their paths.
    package var vanished: Int
    /// The files the store counted as present when the run started.
    package var counted: Int
    /// A few of the vanished files' paths, in the store's order.
    package var examples: [String]

    package init(vanished: Int, counted: Int, examples: [String]) {
        self.vanished = vanished
        self.counted = counted
        self.examples = examples
    }

    /// Fewer files than this vanishing is a robot's log retention or a tidy-up, whatever share of the store they are.
    static let fewest = 10

    package var description: String {
        "\(vanished) of the \(counted) files this store counts are not among the sources' files now (\(examples.joined(separator: ", "))\(vanished > examples.count ? ", …" : "")), and no file new at another path is one of them moved on the same file system (its inode): the sources' share may not be mounted, or this store may be another city's, or the wrong backup. Nothing was read or marked. Mount the share or restore the right store, then run kouka-nightly again. If the files were copied to a new share (new inodes), or moved away on purpose (archived), or their source was taken out of kouka.toml on purpose, run kouka-nightly --accept-gone once: a file whose bytes turn up under a new path among the sources is taken as moved there (filesRenamed), and the others are marked gone and keep their figures"
    }

    /// The stop for the ledger lines `away` (not among the sources' files), of the ledger `ledger`, when more than half of
    /// its present lines and at least `fewest` are away, less those whose inode is that of a file new at another path
    /// (`renamedTo`: moved by log rotation, which the run follows); nil otherwise.
    static func check(away: [LedgerIdentity], ledger: [LedgerIdentity], renamedTo inodes: () -> Set<Int64>) -> SourcesVanished? {
        // Fewer than `fewest` never stop the run: the ledger's tens of thousands of lines are not counted for them every night.
        let awayCounted = away.count(where: { $0.status == .present })
        guard awayCounted >= fewest else { return nil }
        let counted = ledger.count(where: { $0.status == .present })
        func trips(_ count: Int) -> Bool { count >= fewest && count * 2 > counted }
        // The new files are looked at only when enough lines are away: a first reading of a city's history has none.
        guard trips(awayCounted) else { return nil }
        let renamed = inodes()
        let vanished = away.filter { $0.status == .present && !($0.inode != 0 && renamed.contains($0.inode)) }
        guard trips(vanished.count) else { return nil }
        return SourcesVanished(vanished: vanished.count, counted: counted, examples: vanished.prefix(3).map(\.path))
    }
}
