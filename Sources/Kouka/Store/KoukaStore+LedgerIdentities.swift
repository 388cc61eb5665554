extension KoukaStore {
    /// Every ledger line, in the order of their paths, with only what tells whether its file is untouched since it
    /// was read (`IngestPlan.decide`'s `.unchanged`): format, status, size, times, inode, pending runs and office
    /// hours. One query for a city's tens of thousands of files instead of a lookup each; the hashes and resume
    /// state are left out (empty or nil), so a line to read again is looked up whole with `source(path:)`.
    package func ledgerIdentities() throws -> [SourceFileRecord] {
        var lines: [SourceFileRecord] = []
        try db.prepare("""
            SELECT id, path, format, size, pending_runs, status, modified_at, inode, changed_at, born_at, office_hours FROM source_files ORDER BY path
            """, reading: "source_files").query { s in
            var line = SourceFileRecord(id: try s.int(0), path: try s.text(1), format: try s.text(2), size: try s.int(3), sha256: "",
                                        pendingRuns: Int(try s.int(4)), status: try s.value(5, as: SourceFileRecord.Status.self),
                                        modifiedAt: try s.double(6), inode: try s.int(7))
            line.changedAt = try s.double(8)
            line.bornAt = s.isNull(9) ? nil : try s.double(9)
            line.officeHours = try s.optionalText(10)
            lines.append(line)
        }
        return lines
    }
}
