
extension ToolReviewBuilder {
    static func rpa(_ c: Context, yearBefore: YearReport?, yearBeforeMinutesByTask: [String: Double]?) -> ToolReviewSection {
        struct Task { var runs = 0.0, successes = 0.0, failures = 0.0, hours = 0.0, inItems = false, runSuccesses = 0.0, runFailures = 0.0 }
        let byTask = c.periods.indices.map { i -> [String: Task] in
            var tasks: [String: Task] = [:]
            for line in c.periods[i].report.tasks where line.system == SystemFamily.rpa.rawValue {
                var t = tasks[line.task] ?? Task()
                // A task counted in items fails by the item: its rate is failed items over items, never items over runs.
                let items = line.unit == EffectUnit.items.rawValue
                t.runs += Double(line.successes + line.cancelled)
                t.successes += items ? line.units : Double(line.successes)
                t.failures += Double(line.failures)
                if c.periods[i].rpaMinutesByTask == nil { t.hours += line.hoursSaved }
                t.inItems = t.inItems || items
                t.runSuccesses += Double(line.successes)
                tasks[line.task] = t
            }
            // A task's hours are its lines' unrounded minutes added, rounded once as every figure (helper-103 #1).
            for (task, minutes) in c.periods[i].rpaMinutesByTask ?? [:] { tasks[task, default: Task()].hours = minutes / 60 }
            // Its runs, though, are runs: a failed run counts once, however many items it failed.
            for (task, failed) in c.sums[i][.rpa]?.failedRunsByTask ?? [:] {
                tasks[task, default: Task()].runs += Double(failed)
                tasks[task, default: Task()].runFailures += Double(failed)
            }
            return tasks
        }
        var names: [String: String] = [:]
        for p in c.periods { for line in p.report.tasks where line.system == SystemFamily.rpa.rawValue { names[line.task] = line.name } }
        let ids = names.keys.sorted()
        func label(_ id: String) -> String { "\(id) \(names[id] ?? "")" }
        func failureRate(_ t: Task?) -> Double? {
            guard let t, t.successes + t.failures > 0 else { return nil }
            return t.failures / (t.successes + t.failures)
        }
        let total = byTask.map { tasks in
            tasks.values.reduce(into: Task()) { $0.runs += $1.runs; $0.runSuccesses += $1.runSuccesses; $0.runFailures += $1.runFailures }
        }
        // The tool's rate is over runs, whatever each task's unit: runs and items are never added together.
        func runFailureRate(_ t: Task) -> Double? { t.runSuccesses + t.runFailures > 0 ? t.runFailures / (t.runSuccesses + t.runFailures) : nil }
        let rework = c.sums.map { ($0[.rpa]?.reworkMinutesByTask.values.reduce(0, +) ?? 0) }
        let runs = total.map(\.runs)
        let overall = ReviewTable(id: "rpa-overall", title: "RPA の効果と品質", columns: c.columns, rows: [
            c.row("runs", "実行回数", "回", runs, decimals: 0),
            c.row("failure-rate", "失敗率（失敗した実行 ÷ 成功と失敗の実行）", "%", total.map { runFailureRate($0) }),
            // A catalog's rework minutes may have decimals (12.5): shown to 0.01 minute in every format, rounded once in decimal.
            c.row("rework-minutes", "失敗の手戻り時間", "分", rework.map { Rounding.hundredths($0) }, decimals: 2),
            c.row("hours-saved", "削減時間", "時間", c.hours(.rpa)),
        ] + c.costRows(.rpa), note: "ツール全体の失敗率は実行で数え、業務別の失敗率は業務カタログの単位で数える（件で数える業務は失敗した件 ÷ 処理した件と失敗した件）。手戻り時間 = 失敗（終了が記録されなかった実行を含む）× 業務カタログの手戻り時間。")
        func perTask(_ id: String, _ title: String, _ unit: String, decimals: Int, _ value: (Int, String) -> Double?) -> ReviewTable {
            ReviewTable(id: id, title: title, columns: c.columns, rows: ids.map { task in
                c.row(task, label(task), unit, c.periods.indices.map { value($0, task) }, decimals: decimals)
            }, note: nil)
        }
        // A robot not yet in use is not idle: months count from the first month it ran in any period compared.
        var firstMonth: [String: String] = [:]
        for sums in c.sums { for (task, ran) in sums[.rpa]?.monthsByTask ?? [:] { if let first = ran.min() { firstMonth[task] = min(firstMonth[task] ?? first, first) } } }
        let months = c.periods.map { p -> [String] in
            guard p.through >= p.firstDay else { return [] }
            return Set(p.report.months.map(\.month)).filter { $0 >= p.firstDay.monthKey && $0 <= p.through.monthKey }.sorted()
        }
        var tables = [overall]
        if !ids.isEmpty {
            tables += [
                perTask("rpa-runs", "業務別の実行回数", "回", decimals: 0) { byTask[$0][$1]?.runs ?? 0 },
                perTask("rpa-failure-rate", "業務別の失敗率", "%", decimals: 2) { failureRate(byTask[$0][$1]) },
                perTask("rpa-rework", "業務別の手戻り時間", "分", decimals: 2) { Rounding.hundredths(c.sums[$0][.rpa]?.reworkMinutesByTask[$1] ?? 0) },
                perTask("rpa-hours", "業務別の削減時間", "時間", decimals: 2) { Rounding.hundredths(byTask[$0][$1]?.hours ?? 0) },
                perTask("rpa-idle-months", "実行のない月数（最初に実行した月から。使われなくなったロボットの目安）", "か月", decimals: 0) { i, task in
                    let ran = c.sums[i][.rpa]?.monthsByTask[task] ?? []
                    guard let first = firstMonth[task] else { return Double(months[i].count) }
                    return Double(months[i].filter { $0 >= first && !ran.contains($0) }.count)
                },
            ]
        }
        if let before = yearBefore {
            var previous: [String: Double] = [:]
            for line in before.tasks where line.system == SystemFamily.rpa.rawValue {
                if yearBeforeMinutesByTask == nil { previous[line.task, default: 0] += line.hoursSaved }
                if names[line.task] == nil { names[line.task] = line.name }
            }
            for (task, minutes) in yearBeforeMinutesByTask ?? [:] { previous[task] = minutes / 60 }
            // Each year's hours are their own unrounded sum rounded once; 増減 is the rounded hours' difference, as the
            // departments' is (docs/figures.md): what an auditor gets from the two figures shown.
            previous = previous.mapValues { Rounding.hundredths($0) }
            let now = byTask[c.judged].mapValues { Rounding.hundredths($0.hours) }
            let fell = Set(previous.keys).union(now.keys).map { ($0, previous[$0] ?? 0, now[$0] ?? 0) }
                .filter { Rounding.hundredths($0.2 - $0.1) < 0 }.sorted { ($0.2 - $0.1, $0.0) < ($1.2 - $1.1, $1.0) }.prefix(5)
            if !fell.isEmpty {
                tables.append(ReviewTable(id: "rpa-fell", title: "削減時間が前年から最も減った業務（\(c.columns[c.judged])）", columns: ["前年同期", "当期", "増減"],
                                          // Each figure rounded as it is shown; the difference of two such is exact to 0.01 but for binary noise.
                                          rows: fell.map { c.row($0.0, label($0.0), "時間", [Rounding.hundredths($0.1), Rounding.hundredths($0.2),
                                                                                         Rounding.hundredths($0.2 - $0.1)]) }, note: nil))
            }
        }
        // Judged once the task ran robot_minimum_runs times, as its 実行回数 shows, whatever its unit: 59 items of 4 runs are
        // not 59 runs. Its rate is over what it fails by (items, or runs).
        let judged = ids.compactMap { id -> (String, Double, Double, String)? in
            guard let t = byTask[c.judged][id], t.runs >= Double(c.settings.robotMinimumRuns), let rate = failureRate(t) else { return nil }
            return (label(id), rate, t.successes + t.failures, t.inItems ? "件" : "回")
        }
        let quality = ReviewRules.tasksAbove(judged, max: c.settings.robotFailureRateMax, minimumRuns: c.settings.robotMinimumRuns)
        return ToolReviewSection(system: SystemFamily.rpa.rawValue, title: "RPA", tables: tables, verdict: c.verdict(.rpa, use: runs, quality: quality))
    }
}
