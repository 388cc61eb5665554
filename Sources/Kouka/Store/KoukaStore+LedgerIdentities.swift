extension KoukaStore {
    /// Every ledger line, in the table's order (not their paths': read in the order of the path index, each line is
    /// a search of the table), with only what tells whether its file is untouched since it was read, and whether
    /// it lacks its rollup digest. One query for a city's tens of thousands of files instead of a lookup each,
    /// and the only one of the whole table a run makes: the same lines tell which files are gone when the run
    /// ends, and which lines lack a rollup digest as it starts.
    package func ledgerIdentities() throws -> [LedgerIdentity] {
        var none: LedgerSealing? = nil
        return try ledgerIdentities(sealing: &none)
    }

    /// `ledgerIdentities()`, each line also added to `seal` when there is one: the seal the run finds, from the same
    /// reading of the table (`KoukaStore.sealSum()` reads it again otherwise).
    package func ledgerIdentities(sealing seal: inout LedgerSealing?) throws -> [LedgerIdentity] {
        var lines: [LedgerIdentity] = []
        // Room for all at once, not grown and copied.
        lines.reserveCapacity(try ledgerLineBound())
        var statuses: [(raw: String, value: SourceFileRecord.Status)] = []
        // The texts of the line before, not the line: copying a whole line for them was a tenth of making the lines.
        var format = "", officeHours = "", timeZone = ""
        try db.prepare("""
            SELECT id, path, format, size, pending_runs, status, modified_at, inode, changed_at, born_at, office_hours,
            rollups_sha256 IS NULL AND status IN ('present', 'gone'), time_zone\(seal == nil ? "" : ", " + Self.sealedLineValues)
            FROM source_files ORDER BY id
            """, reading: "source_files").query { s in
            if seal != nil {
                // The line's digest from the columns read here, as `kouka_seal_row` takes them: not a call into SQL for each line
                // and a copy of its result (a night over a city's tens of thousands of lines).
                SealRowDigest.digest(ofColumns: 13..<(13 + Self.sealedLineValueCount), of: s).finalize { seal!.sum.add($0) }
                try seal!.v1?.addLine(s, from: 14)
            }
            // A store's files are of a few formats, statuses, office hours and zones: each line shares the text of the line
            // before when it is the same, rather than making a string of it again.
            format = try s.text(2, reusing: format)
            let hours = s.isNull(10) ? nil : try s.text(10, reusing: officeHours)
            let zone = s.isNull(12) ? nil : try s.text(12, reusing: timeZone)
            if let hours { officeHours = hours }
            if let zone { timeZone = zone }
            lines.append(LedgerIdentity(
                id: try s.int(0), path: try s.text(1), format: format, size: try s.int(3), pendingRuns: Int(try s.int(4)),
                status: try s.value(5, as: SourceFileRecord.Status.self, among: &statuses), modifiedAt: try s.double(6), inode: try s.int(7),
                changedAt: try s.double(8), bornAt: s.isNull(9) ? nil : try s.double(9), officeHours: hours, timeZone: zone,
                lacksRollupDigest: try s.flag(11)))
        }
        return lines
    }

    /// At least as many as the ledger's lines, from its largest id (ids are never reused below it): found in the
    /// index without reading the table.
    package func ledgerLineBound() throws -> Int {
        var bound = 0
        try db.prepare("SELECT max(id) FROM source_files", reading: "source_files").query { s in
            if !s.isNull(0) { bound = Int(min(max(try s.int(0), 0), 1 << 22)) }
        }
        return bound
    }
}
