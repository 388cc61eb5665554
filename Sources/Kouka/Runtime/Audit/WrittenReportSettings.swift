/// What of a written report comes from kouka.toml rather than from the logs: its targets and its money settings (the
/// hourly staff cost, the licence costs). A report made before they were changed states other figures without anyone
/// having edited it: verification calls it outdated (re-run kouka-report), not changed after it was written
/// (helper-85's verify-blames-edit-after-config-change.sh: `[targets.2024]` added, and the auditor pointed at tampering).
enum WrittenReportSettings {
    /// The settings `written` (the report's JSON) states that the store's report, built with kouka.toml as it is now,
    /// does not: each as `name`, what the report says and what kouka.toml gives. Empty when they agree.
    static func changed(_ written: Any, store: YearReport) -> [(name: String, found: String, expected: String)] {
        let json = written as? [String: Any] ?? [:]
        var changes: [(name: String, found: String, expected: String)] = []
        let writtenTargets = Dictionary((json["targets"] as? [[String: Any]] ?? []).compactMap { line in
            (line["metric"] as? String).map { ($0, (line["target"] as? Double).map { "\($0)" } ?? "none") }
        }, uniquingKeysWith: { first, _ in first })
        let storeTargets = Dictionary(store.targets.map { ($0.metric, "\($0.target)") }, uniquingKeysWith: { first, _ in first })
        for metric in Set(writtenTargets.keys).union(storeTargets.keys).sorted() where writtenTargets[metric] != storeTargets[metric] {
            changes.append(("targets[\(metric)].target", writtenTargets[metric] ?? "none", storeTargets[metric] ?? "none"))
        }
        let money = json["money"] as? [String: Any]
        for (key, value) in [("hourlyStaffCostYen", store.money?.hourlyStaffCostYen), ("licenceYen", store.money?.licenceYen)] {
            let found = (money?[key] as? Double).map { "\($0)" } ?? "none", expected = value.map { "\($0)" } ?? "none"
            if found != expected { changes.append(("money.\(key)", found, expected)) }
        }
        return changes
    }
}
