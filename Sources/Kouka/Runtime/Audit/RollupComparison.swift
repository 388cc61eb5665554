
/// Every counted file's rollups in the store against those the logs give, key by key and total by total
/// (runs, units, machine and person seconds).
///
/// A run that two overlapping files hold is counted in the file read first, and the store's "first" is the
/// order the files arrived in over many nights, the logs' the order of one reading: files whose rollups differ
/// are compared once more as a group, and a group whose sums agree only counts its runs in another of its
/// files — no figure changes, so that is no difference.
enum RollupComparison {
    static func differences(stored: [String: [RollupKey: RollupTotals]], expected: [String: [RollupKey: RollupTotals]]) -> [VerifySummary.Difference] {
        let differing = Set(stored.keys).union(expected.keys).filter { !same(stored[$0] ?? [:], expected[$0] ?? [:]) }.sorted()
        guard !differing.isEmpty else { return [] }
        let storedSum = sum(differing.map { stored[$0] ?? [:] }), expectedSum = sum(differing.map { expected[$0] ?? [:] })
        if same(storedSum, expectedSum) { return [] }
        let subject = differing.count == 1 ? differing[0] : differing.joined(separator: ", ")
        return Set(storedSum.keys).union(expectedSum.keys).sorted().compactMap { key in
            guard !same(storedSum[key], expectedSum[key]) else { return nil }
            return VerifySummary.Difference(
                kind: "rollups", subject: subject, field: "\(key.date) \(key.family.rawValue) \(key.taskName) \(key.outcome.rawValue) \(key.unit.rawValue)"
                    + (key.department.isEmpty ? "" : " \(key.department)") + (key.offHours ? " off-hours" : ""),
                found: describe(storedSum[key]), expected: describe(expectedSum[key]),
                detail: "the store's rollup is not what the logs give")
        }
    }

    /// The counted files whose rollups may differ: those counted on one side only, and those whose digests
    /// (SHA-256 of every rollup's key and totals, and its quality counts) are not the same or not known. A file
    /// with the same digest on both sides has the same rollups, bit for bit, and cannot differ.
    static func filesToCompare(stored: [SourceFileRecord], storedDigests: [String: String], replayed: [SourceFileRecord],
                               replayedDigests: [Int64: String]) -> Set<String> {
        let counted: (SourceFileRecord) -> Bool = { $0.status == .present || $0.status == .gone }
        var replayedByPath: [String: String?] = [:]
        for line in replayed where counted(line) { replayedByPath[line.path] = replayedDigests[line.id] }
        var files = Set<String>()
        for line in stored where counted(line) {
            let digest = storedDigests[line.path]
            guard let replayedDigest = replayedByPath.removeValue(forKey: line.path), let digest, let replayedDigest, replayedDigest == digest else {
                files.insert(line.path)
                continue
            }
        }
        files.formUnion(replayedByPath.keys)
        return files
    }

    private static func sum(_ maps: [[RollupKey: RollupTotals]]) -> [RollupKey: RollupTotals] {
        var total: [RollupKey: RollupTotals] = [:]
        for map in maps { for (key, totals) in map { total[key, default: RollupTotals()].add(totals) } }
        return total
    }

    private static func same(_ a: [RollupKey: RollupTotals], _ b: [RollupKey: RollupTotals]) -> Bool {
        a.count == b.count && a.allSatisfy { same($0.value, b[$0.key]) }
    }

    /// Equal, but for the last bits of sums added in another order (a log read in parts over a day).
    static func same(_ a: RollupTotals?, _ b: RollupTotals?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        func close(_ x: Double, _ y: Double) -> Bool { abs(x - y) <= 1e-6 * max(1, abs(x), abs(y)) }
        return a.events == b.events && close(a.quantity, b.quantity) && close(a.machineSeconds, b.machineSeconds)
            && close(a.humanSeconds, b.humanSeconds) && close(a.humanMeasuredQuantity, b.humanMeasuredQuantity)
            && a.quality.count == b.quality.count && a.quality.allSatisfy { measure, value in b.quality[measure].map { close(value, $0) } ?? false }
    }

    /// `expected` without the quality counts of the files at `paths`: files the store read before it kept them,
    /// whose missing counts were never read (not measured), not taken away.
    static func withoutQuality(_ expected: [String: [RollupKey: RollupTotals]], paths: Set<String>) -> [String: [RollupKey: RollupTotals]] {
        expected.reduce(into: [:]) { result, file in
            result[file.key] = paths.contains(file.key) ? file.value.mapValues { var t = $0; t.quality = [:]; return t } : file.value
        }
    }

    private static func describe(_ t: RollupTotals?) -> String {
        guard let t else { return "none" }
        let quality = t.quality.sorted { $0.key < $1.key }.map { "\($0.key.storedName) \($0.value)" }
        return "\(t.events) runs, \(t.quantity) units, \(t.machineSeconds) machine s, \(t.humanSeconds) person s"
            + (quality.isEmpty ? "" : ", " + quality.joined(separator: ", "))
    }
}
