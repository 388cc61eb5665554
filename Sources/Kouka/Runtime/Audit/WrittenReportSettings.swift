/// What of a written report comes from the configuration rather than from the logs: its targets, its money settings (the
/// hourly staff cost, each system's licence cost), the uses an AI task needs to count, the office hours chatbot answers are
/// judged by, and the systems register it counted new systems from. A report made
/// before they were changed states other figures without anyone having edited it: verification calls it outdated
/// (re-run kouka-report), not changed after it was written (helper-85's verify-blames-edit-after-config-change.sh:
/// `[targets.2024]` added, and the auditor pointed at tampering; helper-86's for the register and a licence split).
enum WrittenReportSettings {
    typealias Change = (name: String, found: String, expected: String)

    /// The settings `written` (the report's JSON) states that `store` (the store's report, built with the configuration
    /// as it is now) does not: each as `name`, what the report says and what the configuration gives. Empty when they agree.
    static func changed(_ written: Any, store: YearReport) -> [Change] {
        let json = written as? [String: Any] ?? [:]
        var changes = targets(json["targets"], store.targets, field: "targets")
        let money = json["money"] as? [String: Any]
        var settings: [(String, Any?, Double?)] = [("hourlyStaffCostYen", money?["hourlyStaffCostYen"], store.money?.hourlyStaffCostYen)]
        let systems = Dictionary((money?["bySystem"] as? [[String: Any]] ?? []).compactMap { line in
            (line["system"] as? String).map { ($0, line["licenceYen"]) }
        }, uniquingKeysWith: { first, _ in first })
        let storeSystems = Dictionary((store.money?.bySystem ?? []).map { ($0.system, $0.licenceYen) }, uniquingKeysWith: { first, _ in first })
        for system in Set(systems.keys).union(storeSystems.keys).sorted() {
            settings.append(("bySystem[\(system)].licenceYen", systems[system] ?? nil, storeSystems[system]))
        }
        for (key, found, expected) in settings where text(found) != text(expected) {
            changes.append(("money.\(key)", text(found), text(expected)))
        }
        // Stated from 0.5.13, and compared as a setting, not a figure: a set of an earlier version states none (helper-155 #3:
        // every set of 0.5.12 named as differing), one of 0.5.13 or later that states none had it taken out.
        let statesMinimum = !KoukaVersion.isBefore(json["koukaVersion"] as? String ?? "", "0.5.13")
        if let expected = store.aiTasksMinimumUses, json["aiTasksMinimumUses"] != nil || statesMinimum, text(json["aiTasksMinimumUses"]) != text(expected) {
            changes.append(("aiTasksMinimumUses", text(json["aiTasksMinimumUses"]), text(expected)))
        }
        // The office hours chatbot answers were judged by and whether those outside them were left out, as the set's method
        // states them (helper-192 #1: exclude_chatbot_answers switched, and every set was named as edited).
        if let hours = (json["method"] as? [String: Any])?["officeHours"] as? String, hours != store.method.officeHours {
            changes.append(("method.officeHours", hours, store.method.officeHours))
        }
        let register = (json["newSystems"] as? [String: Any])?["registerSHA256"] as? String
        if let line = store.newSystems, register != line.registerSHA256 {
            changes.append(("newSystems.registerSHA256", register ?? "none", line.registerSHA256 ?? "none"))
        }
        return changes
    }

    /// The targets of `written` (a report's or a section's `targets` array) that are not those of `store`, by metric.
    static func targets(_ written: Any?, _ store: [TargetLine], field: String) -> [Change] {
        let found = Dictionary((written as? [[String: Any]] ?? []).compactMap { line in
            (line["metric"] as? String).map { ($0, text(line["target"])) }
        }, uniquingKeysWith: { first, _ in first })
        let expected = Dictionary(store.map { ($0.metric, text($0.target)) }, uniquingKeysWith: { first, _ in first })
        return Set(found.keys).union(expected.keys).sorted().compactMap { metric in
            found[metric] == expected[metric] ? nil : ("\(field)[\(metric)].target", found[metric] ?? "none", expected[metric] ?? "none")
        }
    }

    /// A setting's value as compared: a number's decimal text, or `none`.
    private static func text(_ value: Any?) -> String {
        if let number = value as? Double { return "\(number)" }
        if let number = value as? Int { return "\(Double(number))" }
        return "none"
    }
}
