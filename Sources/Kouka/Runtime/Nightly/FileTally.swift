
/// What recording one file adds to a nightly run's summary (`NightlySummary.add`): a file read again in the same run,
/// because runs it counted as unfinished ended in a file recorded after it, is taken back out first (`forget`), so the
/// summary states each file once, as it now counts.
struct FileTally {
    var appended = false
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
    /// Adds the counts of one recorded file.
    mutating func add(_ tally: FileTally) {
        count(tally, times: 1)
    }

    /// Takes back what `tally` added for the file at `display`; its entries in the lists by file go with it.
    mutating func forget(_ tally: FileTally, of display: String) {
        count(tally, times: -1)
        identicalRows.removeAll { $0.path == display }
        unfinishedRuns.removeAll { $0.path == display }
        runsInAnotherUnit.removeAll { $0.path == display }
        runsFromStudio.removeAll { $0.path == display }
        filesLosingRuns.removeAll { $0.path == display }
        rejections.removeAll { $0.file == display }
    }

    private mutating func count(_ tally: FileTally, times sign: Int) {
        if tally.appended { filesAppended += sign } else { filesRead += sign }
        rowsRead += sign * tally.rowsRead
        rowsAccepted += sign * (tally.rowsRead - tally.rowsRejected)
        rowsRejected += sign * tally.rowsRejected
        rowsRepeated += sign * tally.rowsRepeated
        pendingRuns += sign * tally.pendingRuns
        rowsIdentical += sign * tally.rowsIdentical
        runsUnfinished += sign * tally.runsUnfinished
        for (kind, rows) in tally.rejectionKinds {
            rejectionReasons[kind, default: 0] += sign * rows
            if rejectionReasons[kind] ?? 0 <= 0 { rejectionReasons[kind] = nil }
        }
    }
}
