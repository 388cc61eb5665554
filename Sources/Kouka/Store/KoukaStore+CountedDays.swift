extension KoukaStore {
    /// The last day any file's rollups count (a run's, an unmapped name's), nil for a store that counts none: the end of what
    /// a catalog row changed in place can change. One step down the day index.
    func lastCountedDay() throws -> LocalDate? {
        var day: LocalDate?
        try db.prepare("SELECT max(day) FROM rollups", reading: "rollups").query { row in
            if !row.isNull(0) { day = try row.date(0) }
        }
        return day
    }

    /// The first day any file's rollups count, nil for a store that counts none: before it the store knows nothing, so a
    /// period before it is not compared with. One step down the day index.
    func firstCountedDay() throws -> LocalDate? {
        var day: LocalDate?
        try db.prepare("SELECT min(day) FROM rollups", reading: "rollups").query { row in
            if !row.isNull(0) { day = try row.date(0) }
        }
        return day
    }
}
