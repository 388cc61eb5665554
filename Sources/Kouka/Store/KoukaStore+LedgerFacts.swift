extension KoukaStore {
    /// How many quarantined records each file has, by ledger id.
    package func rejectCounts() throws -> [Int64: Int] {
        var counts: [Int64: Int] = [:]
        try db.prepare("SELECT source_id, count(*) FROM rejects GROUP BY source_id", reading: "rejects").query {
            counts[try $0.int(0)] = Int(try $0.int(1))
        }
        return counts
    }

    /// How many rollups each file has, by ledger id, whatever its status.
    package func rollupCounts() throws -> [Int64: Int] {
        var counts: [Int64: Int] = [:]
        try db.prepare("SELECT source_id, count(*) FROM rollups GROUP BY source_id", reading: "rollups").query {
            counts[try $0.int(0)] = Int(try $0.int(1))
        }
        return counts
    }
}
