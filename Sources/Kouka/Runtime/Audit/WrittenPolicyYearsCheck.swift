/// What a written policy-period table states besides each year's figures (helper-100 #1): its targets, against kouka.toml's
/// now; its verdicts and running sums, against its own figures; and the new systems of each year that was over, against the
/// register's. A table rendered from the true store with a copy of kouka.toml whose targets were lowered (1,982.28 h 達成
/// against 1,900 in place of the policy's 2,000), or a register with a system added, passed verify with 0 differences.
/// A projection (見込み) depends on the day the table was made and is held to its own figures only.
enum WrittenPolicyYearsCheck {
    static func differences(_ years: [PolicyYearLine], targets: TargetTable, field: String, jsonPath: String, rerun: String, what: String,
                            storeYear: (Int) throws -> YearReport) throws -> [VerifySummary.Difference] {
        var out: [VerifySummary.Difference] = []
        func add(_ line: PolicyYearLine, _ name: String, _ found: String, _ expected: String, outdated: Bool, detail: String) {
            out.append(.init(kind: outdated ? "written-report-outdated" : "written-report", subject: jsonPath, field: "\(field)[\(line.fiscalYear)].\(name)",
                             found: found, foundIn: "report", expected: expected, expectedFrom: outdated ? "configuration" : "report", detail: detail))
        }
        func text<T>(_ value: T?) -> String { value.map { "\($0)" } ?? "none" }
        let otherSettings = "the \(what) was made with other targets or another systems register than kouka.toml gives now: re-run \(rerun); if kouka.toml and the register were not changed since the report was written, the report file was edited"
        let contradicts = "the \(what) contradicts its own figures: the report file was edited; re-run \(rerun)"
        var cumulative = 0.0, anyRecorded = false
        for line in years {
            let target = targets.targets(for: FiscalYear(line.fiscalYear))
            if line.rpaTarget != target.rpaHours { add(line, "rpaTarget", text(line.rpaTarget), text(target.rpaHours), outdated: true, detail: otherSettings) }
            if line.aiTasksTarget != target.aiTasks { add(line, "aiTasksTarget", text(line.aiTasksTarget), text(target.aiTasks), outdated: true, detail: otherSettings) }
            if line.newSystemsTarget != target.newSystems {
                add(line, "newSystemsTarget", text(line.newSystemsTarget), text(target.newSystems), outdated: true, detail: otherSettings)
            }
            if line.status != "ahead" {
                if let hours = line.rpaHours { cumulative = Rounding.hundredths(cumulative + hours); anyRecorded = true }
                let sum: Double? = anyRecorded ? cumulative : nil
                if line.cumulativeRPAHours != sum { add(line, "cumulativeRPAHours", text(line.cumulativeRPAHours), text(sum), outdated: false, detail: contradicts) }
            }
            if line.status == "actual" {
                // The verdicts as the report gives them: a figure is stated only when recorded (`PolicyPeriodBuilder.table`).
                let rpaMet = PolicyPeriodBuilder.met(target: line.rpaTarget, actual: line.rpaHours)
                let aiMet = PolicyPeriodBuilder.met(target: line.aiTasksTarget, actual: line.aiTasks)
                if line.rpaMet != rpaMet { add(line, "rpaMet", text(line.rpaMet), text(rpaMet), outdated: false, detail: contradicts) }
                if line.aiTasksMet != aiMet { add(line, "aiTasksMet", text(line.aiTasksMet), text(aiMet), outdated: false, detail: contradicts) }
                let systems = try storeYear(line.fiscalYear).newSystems
                let measured = systems?.measured == true
                if line.newSystems != (measured ? systems?.actual : nil) {
                    add(line, "newSystems", text(line.newSystems), text(measured ? systems?.actual : nil), outdated: true, detail: otherSettings)
                }
                if line.newSystemsMet != (measured ? systems?.met : nil) {
                    add(line, "newSystemsMet", text(line.newSystemsMet), text(measured ? systems?.met : nil), outdated: true, detail: otherSettings)
                }
            }
            if let projected = line.projectedRPAHours, line.projectedMet != line.rpaTarget.map({ projected >= $0 }) {
                add(line, "projectedMet", text(line.projectedMet), text(line.rpaTarget.map { projected >= $0 }), outdated: false, detail: contradicts)
            }
        }
        return out
    }
}
