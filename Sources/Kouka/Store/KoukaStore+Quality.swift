
/// The quality counts kept beside the rollups (`QualityMeasure`, table `rollup_quality`).
extension KoukaStore {
    /// Writes the quality counts of `rollups` for file `id`. Without `adding` the file's rollups are replaced:
    /// its earlier counts are dropped and its line marked as one whose measures were read (`quality_kept`).
    /// With `adding` (a log read on from where it stopped), counts are added only to a line so marked: the
    /// start of a file read before quality was kept was never measured, and stays not measured as a whole.
    func keepQuality(of rollups: [(key: RollupKey, totals: RollupTotals)], source id: Int64, adding: Bool) throws {
        if adding {
            guard try sourcesKeepingQuality(among: id) else { return }
        } else {
            try db.prepare("DELETE FROM rollup_quality WHERE source_id = ?").run([.integer(id)])
            try db.prepare("UPDATE source_files SET quality_kept = 1 WHERE id = ?").run([.integer(id)])
        }
        let insert = try db.prepare("""
            INSERT INTO rollup_quality (source_id, day, department, family, task_name, outcome, unit, off_hours, measure, value)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (source_id, day, department, family, task_name, outcome, unit, off_hours, measure) DO UPDATE SET value = value + excluded.value
            """)
        for (key, totals) in rollups where !totals.quality.isEmpty {
            for (measure, value) in totals.quality.sorted(by: { $0.key < $1.key }) {
                try insert.run([
                    .integer(id), .text(key.date.description), .text(key.department), .text(key.family.rawValue), .text(key.taskName),
                    .text(key.outcome.rawValue), .text(key.unit.rawValue), .integer(key.offHours ? 1 : 0), .text(measure.storedName), .real(value),
                ])
            }
        }
    }

    /// The ids of the files whose lines were written since quality counts are kept: of the others, a missing
    /// measure was never read, and the logs read again would give what the store never had.
    package func sourcesKeepingQuality() throws -> Set<Int64> {
        var ids = Set<Int64>()
        try db.prepare("SELECT id FROM source_files WHERE quality_kept = 1", reading: "source_files").query { ids.insert(try $0.int(0)) }
        return ids
    }

    private func sourcesKeepingQuality(among id: Int64) throws -> Bool {
        var kept = false
        try db.prepare("SELECT quality_kept FROM source_files WHERE id = ?", reading: "source_files").query([.integer(id)]) { kept = !$0.isNull(0) }
        return kept
    }

    /// `rows` with the quality counts the store keeps for them, of the days from `from` to `to`. A count whose
    /// rollup is not among `rows` is a store changed behind Kouka's back: it stops the read rather than vanish.
    func attachQuality(to rows: inout [DailyRollup], from: LocalDate, to: LocalDate) throws {
        struct Place: Hashable { var source: Int64; var day: String; var department, family, task, outcome, unit: String; var offHours: Bool }
        // Built at the first quality count: most stores have none, and indexing every rollup costs more than reading them.
        var index: [Place: Int]? = nil
        func indexed() -> [Place: Int] {
            var index: [Place: Int] = [:]
            index.reserveCapacity(rows.count)
            for (i, row) in zip(rows.indices, rows) where row.key.date >= from && row.key.date <= to {
                let k = row.key
                index[Place(source: row.sourceID, day: k.date.description, department: k.department, family: k.family.rawValue, task: k.taskName,
                            outcome: k.outcome.rawValue, unit: k.unit.rawValue, offHours: k.offHours)] = i
            }
            return index
        }
        try db.prepare("""
            SELECT q.source_id, q.day, q.department, q.family, q.task_name, q.outcome, q.unit, q.off_hours, q.measure, q.value
            FROM source_files s CROSS JOIN rollup_quality q ON q.source_id = s.id
            WHERE s.status IN ('present', 'gone') AND q.day BETWEEN ? AND ?
            """, reading: "rollup_quality").query([.text(from.description), .text(to.description)]) { s in
            let place = Place(source: try s.int(0), day: try s.text(1), department: try s.text(2), family: try s.text(3), task: try s.text(4),
                              outcome: try s.text(5), unit: try s.text(6), offHours: try s.flag(7))
            let name = try s.text(8)
            guard let measure = QualityMeasure(storedName: name) else {
                throw StoreError.undecodable(path: path, table: "rollup_quality", column: "measure", value: name)
            }
            if index == nil { index = indexed() }
            guard let i = index?[place] else {
                throw StoreError.undecodable(path: path, table: "rollup_quality", column: "source_id, day, family, task_name",
                                             value: "a count of \(place.day) \(place.family) \(place.task) with no rollup of its own")
            }
            rows[i].totals.quality[measure, default: 0] += try s.double(9)
        }
    }

    /// Feeds a file's quality counts to its rollup digest, after its rollups: nothing at all for a line
    /// written before they were kept, so that its recorded digest still matches; for any other line a marker
    /// and every count, so that a count changed, added or removed, or the mark removed, changes the digest.
    func feedQuality(ofSource id: Int64, into hasher: inout SHA256) throws {
        guard try sourcesKeepingQuality(among: id) else { return }
        Self.feed("quality-v1", separator: 0x1E, into: &hasher)
        try db.prepare("""
            SELECT day, department, family, task_name, outcome, unit, measure, off_hours, value FROM rollup_quality WHERE source_id = ?
            ORDER BY day, department, family, task_name, outcome, unit, off_hours, measure
            """, reading: "rollup_quality").query([.integer(id)]) { s in
            for column in Int32(0)...6 { Self.feed(try s.text(column), separator: 0x1F, into: &hasher) }
            Self.feed(try s.int(7), into: &hasher)
            Self.feed(Int64(bitPattern: try s.double(8).bitPattern), into: &hasher)
        }
    }
}
