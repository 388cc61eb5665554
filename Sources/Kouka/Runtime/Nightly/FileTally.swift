
/// What recording one file added to a nightly run's summary: a file read again in the same run, because runs it
/// counted as unfinished ended in a file recorded after it, is taken back out first, so the summary states each file
/// once, as it now counts.
struct FileTally {
    var appended: Bool
    var rowsRead = 0
    var rowsRejected = 0
    var rowsRepeated = 0
    var pendingRuns = 0
    var rowsIdentical = 0
    var runsUnfinished = 0
    /// Rejected rows by the kind of their reason (`NightlySummary.rejectionReasons`).
    var rejectionKinds: [String: Int] = [:]
    /// Runs of names the catalog does not map, by system and name.
    var unmapped: [String: Int] = [:]
}

extension NightlySummary {
    /// Takes back what `tally` added for the file at `display`; its entries in the lists by file go with it.
    mutating func forget(_ tally: FileTally, of display: String) {
        if tally.appended { filesAppended -= 1 } else { filesRead -= 1 }
        rowsRead -= tally.rowsRead
        rowsAccepted -= tally.rowsRead - tally.rowsRejected
        rowsRejected -= tally.rowsRejected
        rowsRepeated -= tally.rowsRepeated
        pendingRuns -= tally.pendingRuns
        rowsIdentical -= tally.rowsIdentical
        runsUnfinished -= tally.runsUnfinished
        for (kind, rows) in tally.rejectionKinds {
            rejectionReasons[kind, default: 0] -= rows
            if rejectionReasons[kind] ?? 0 <= 0 { rejectionReasons[kind] = nil }
        }
        identicalRows.removeAll { $0.path == display }
        unfinishedRuns.removeAll { $0.path == display }
        filesLosingRuns.removeAll { $0.path == display }
        rejections.removeAll { $0.file == display }
    }
}
