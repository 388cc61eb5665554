import Foundation

/// What a report made again says of the set it replaces (`Restatement`). Read from the old set's JSON as parsed, not decoded:
/// a set of an earlier Kouka, whose report had fewer fields, is still the figures a city published.
enum ReportRestating {
    /// The restatements the new `report` of `period` carries: those of the set at `json` (when there is one), and one more
    /// when `report` states otherwise a figure that set stated settled (`PeriodSettling`). Of the set's own period only when
    /// it was settled by the day the set stated (not 速報, whose figures late logs were to change, nor 暫定, whose runs still
    /// running were to be added); of other years, whatever the set's own period, each year it stated that was settled by
    /// then: its period section's years (`policyPeriod.years`) and the year before its departments compared whole
    /// (前年同期) — a set of the year under way, made again each month, restated the year closed before it silently
    /// (helper-148 #2). `added` is the restatement added, nil when none was.
    /// A set there that does not read as JSON, or whose restatements do not read, is not replaced (`OutputRefused`): the
    /// history it holds would be lost with it (helper-148 #4).
    static func restatements(of report: YearReport, period: ReportPeriod, replacing json: String) throws -> (all: [Restatement], added: Restatement?) {
        let folder = (json as NSString).deletingLastPathComponent
        let remedy = "move the set aside and keep it (it may be the one published), then make the report again; kouka-audit verify names what is wrong with it"
        guard FileManager.default.fileExists(atPath: json) else { return ([], nil) }
        // There and not readable (a set restored by another user, mode 0600): replaced, its history would be lost (helper-151 #3).
        guard let data = FileManager.default.contents(atPath: json) else {
            throw OutputRefused(path: folder, problem: "the report set there has a JSON this job cannot read, so what the new set restates of it cannot be told", remedy: "give the job's user read access to it, or " + remedy)
        }
        // Each reading's own error is kept in the refusal: the set is left as it was, and the message says why.
        let old: [String: Any]
        do {
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { throw NotAReport() }
            old = object
        } catch {
            throw OutputRefused(path: folder, problem: "the report set there has a JSON that does not read as a report (\(error)), so what the new set restates of it cannot be told", remedy: remedy)
        }
        // Decoded from the file's bytes as a whole: a `restatements` of another shape is a decoding error, where giving it to
        // JSONSerialization alone trapped in swift-corelibs-foundation.
        let all: [Restatement]
        do {
            all = try JSONDecoder().decode(History.self, from: data).restatements ?? []
        } catch {
            throw OutputRefused(path: folder, problem: "the report set there states restatements that do not read as Kouka writes them (\(error); edited?), which the new set would lose", remedy: remedy)
        }
        guard let new = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as? [String: Any],
              let day = Self.statedAsOf(old, period: period) else { return (all, nil) }
        var changes: [RestatedFigure] = []
        if old["runsStillRunning"] == nil, old["preliminary"] == nil, day >= PeriodSettling.settledDay(of: period) { changes += Self.changes(from: old, to: new) }
        changes += Self.otherYears(from: old, to: new, statedOn: day, period: period)
        guard !changes.isEmpty else { return (all, nil) }
        // The catalog rows the two sets used that differ come first: the stated baseline a figure moved with (helper-177 #4:
        // a manual time corrected restated the year, and neither set said which row).
        changes = Self.catalogRows(from: old, to: new) + changes
        let added = Restatement(replacedGeneratedAt: old["generatedAt"] as? String ?? "（不明）", replacedKoukaVersion: old["koukaVersion"] as? String ?? "（不明）",
                                replacedAsOf: day.description, changes: changes)
        return (all + [added], added)
    }

    /// The history a set carries, as its JSON holds it (the set's other keys are not read here).
    private struct History: Decodable { var restatements: [Restatement]? }

    /// A JSON whose top level is not an object.
    private struct NotAReport: Error, CustomStringConvertible { var description: String { "its top level is not an object" } }

    /// The last complete day `old` states its figures as of: its `asOf` (from 0.5.13); else a year's new systems' or
    /// projection's day; else, for a month, its year to date's last day while it is before the month's end, or the day before
    /// the set was made (the store's last complete day is at most that: a month's year to date stops at its end, and no
    /// month was ever settled by it, helper-151 #1).
    static func statedAsOf(_ old: [String: Any], period: ReportPeriod) -> LocalDate? {
        if let stated = (old["asOf"] as? String).flatMap(LocalDate.init) { return stated }
        guard let day = WrittenReportCheck.statedDay(of: old, period: period) else { return nil }
        guard case .month = period, day >= period.lastDay, let made = (old["generatedAt"] as? String).flatMap(Timestamp.init) else { return day }
        return max(day, made.date.adding(days: -1))
    }

    /// The figures of other fiscal years than its own that `old` stated settled by `day` and `new` states otherwise: each
    /// year of its period section but the set's own (its figures are compared as its own, or not at all while it is 速報 or
    /// 暫定, helper-151 #2) over on both sides (`status` actual), and its departments' hours of the period a year before
    /// when both compared that period whole (no `previousYearThrough`).
    static func otherYears(from old: [String: Any], to new: [String: Any], statedOn day: LocalDate, period: ReportPeriod) -> [RestatedFigure] {
        var out: [RestatedFigure] = []
        func settled(_ year: Int) -> Bool { day >= PeriodSettling.settledDay(of: .fiscalYear(FiscalYear(year))) }
        func years(_ json: [String: Any]) -> [Int: [String: Any]] {
            let lines = ((json["policyPeriod"] as? [String: Any])?["years"] as? [[String: Any]]) ?? []
            return Dictionary(lines.compactMap { line in (line["fiscalYear"] as? Int).map { ($0, line) } }, uniquingKeysWith: { first, _ in first })
        }
        let before = years(old), after = years(new)
        let own: Int? = if case let .fiscalYear(year) = period { year.startYear } else { nil }
        for year in Set(before.keys).intersection(after.keys).sorted() where settled(year) && year != own {
            guard let was = before[year], let now = after[year], was["status"] as? String == "actual", now["status"] as? String == "actual" else { continue }
            let label = FiscalYear(year).japaneseLabel
            for (key, name) in [("rpaHours", "RPAによる削減時間（時間）"), ("aiTasks", "AIを活用した業務数"), ("newSystems", NewSystemsLine.label)] {
                let b = number(was[key]), a = number(now[key])
                if differs(b, a) {
                    out.append(RestatedFigure(field: "policyPeriod.years[\(year)].\(key)", label: "\(label) \(name)", before: b, after: a))
                }
            }
        }
        // A month's year before is the same month a year earlier, long settled; a year's, the year before, settled or not.
        let yearBeforeSettled = if case let .fiscalYear(year) = period { settled(year.startYear - 1) } else { true }
        if old["previousYearThrough"] == nil, new["previousYearThrough"] == nil, yearBeforeSettled {
            let label = if case .month = period { "前年同月、\(period.yearBefore.label)" } else { "前年度、\(period.yearBefore.label)" }
            func hours(_ json: [String: Any]) -> [String: Double] {
                Dictionary(((json["departments"] as? [[String: Any]]) ?? []).compactMap { line in
                    (line["department"] as? String).flatMap { name in number(line["previousYearHours"]).map { (name, $0) } }
                }, uniquingKeysWith: { first, _ in first })
            }
            let was = hours(old), now = hours(new)
            for department in Set(was.keys).union(now.keys).sorted() where abs((was[department] ?? 0) - (now[department] ?? 0)) > 1e-9 {
                out.append(RestatedFigure(field: "departments[\(department)].previousYearHours", label: "課別 比較期間の削減時間 \(department)（\(label)、時間）",
                                          before: was[department], after: now[department]))
            }
        }
        return out
    }

    /// Every published figure of `old` that `new` states otherwise: the targets' actuals, the hours saved (total, estimated,
    /// measured, by tool, by month), each department's and each task line's hours, whether each AI task counts, and a
    /// month's year to date. A line that one side lacks stands as 0 against the other's (a task line with no hours that
    /// appears is no figure changed); a target's actual that one side states as unknown (記録なし, null) differs from any.
    static func changes(from old: [String: Any], to new: [String: Any]) -> [RestatedFigure] {
        var out: [RestatedFigure] = []
        func compare(_ field: String, _ label: String, _ before: Double?, _ after: Double?, unknownIsZero: Bool = true) {
            let differs = unknownIsZero || (before != nil && after != nil) ? abs((before ?? 0) - (after ?? 0)) > 1e-9 : (before == nil) != (after == nil)
            guard differs else { return }
            out.append(RestatedFigure(field: field, label: label, before: before, after: after))
        }
        func lines(_ json: [String: Any], _ key: String, id: ([String: Any]) -> String) -> [String: [String: Any]] {
            Dictionary(((json[key] as? [[String: Any]]) ?? []).map { (id($0), $0) }, uniquingKeysWith: { first, _ in first })
        }
        func each(_ key: String, id: ([String: Any]) -> String, _ body: (String, [String: Any]?, [String: Any]?) -> Void) {
            let before = lines(old, key, id: id), after = lines(new, key, id: id)
            for line in Set(before.keys).union(after.keys).sorted() { body(line, before[line], after[line]) }
        }
        // A target line on one side only is a target added to kouka.toml or taken out, no figure restated (helper-148 #5).
        each("targets", id: { text($0["metric"]) }) { metric, before, after in
            guard let before, let after else { return }
            compare("targets[\(metric)].actual", text(after["label"]), number(before["actual"]), number(after["actual"]), unknownIsZero: false)
        }
        let hoursBefore = old["hoursSaved"] as? [String: Any] ?? [:], hoursAfter = new["hoursSaved"] as? [String: Any] ?? [:]
        for (key, label) in [("total", "削減時間 合計（時間）"), ("estimated", "削減時間 うち推計（時間）"), ("measured", "削減時間 うち実測にもとづく分（時間）")] {
            compare("hoursSaved.\(key)", label, number(hoursBefore[key]), number(hoursAfter[key]))
        }
        for family in SystemFamily.allCases {
            compare("hoursSaved.bySystem.\(family.rawValue)", "削減時間 \(family.japaneseLabel)（時間）",
                    number((hoursBefore["bySystem"] as? [String: Any])?[family.rawValue]), number((hoursAfter["bySystem"] as? [String: Any])?[family.rawValue]))
        }
        each("months", id: { text($0["month"]) }) { month, before, after in
            compare("months[\(month)].hoursSaved", "月別 削減時間 \(month)（時間）", number(before?["hoursSaved"]), number(after?["hoursSaved"]))
        }
        // A month's weeks, as its 週ごとの削減時間 table prints them (helper-158 #2).
        each("weeks", id: { "\(text($0["from"]))〜\(text($0["to"]))" }) { week, before, after in
            compare("weeks[\(week)].hoursSaved", "週別 削減時間 \(week)（時間）", number(before?["hoursSaved"]), number(after?["hoursSaved"]))
        }
        each("departments", id: { text($0["department"]) }) { department, before, after in
            compare("departments[\(department)].hoursSaved", "課別 削減時間 \(department)（時間）", number(before?["hoursSaved"]), number(after?["hoursSaved"]))
        }
        each("tasks", id: { "\(text($0["task"]))|\(text($0["department"]))|\(text($0["system"]))|\(text($0["unit"]))" }) { key, before, after in
            let line = after ?? before ?? [:]
            compare("tasks[\(key)].hoursSaved", "業務別 削減時間 \(text(line["task"])) \(text(line["name"]))（\(text(line["department"]))・\(SystemFamily(rawValue: text(line["system"]))?.japaneseLabel ?? text(line["system"]))・\(EffectUnit(rawValue: text(line["unit"]))?.japaneseLabel ?? text(line["unit"]))）",
                    number(before?["hoursSaved"]), number(after?["hoursSaved"]))
        }
        each("aiTasks", id: { text($0["task"]) }) { task, before, after in
            compare("aiTasks[\(task)].counted", "AIを活用した業務に数えるか \(task) \(text((after ?? before)?["name"]))",
                    (before?["counted"] as? Bool).map { $0 ? 1 : 0 }, (after?["counted"] as? Bool).map { $0 ? 1 : 0 })
        }
        if old["yearToDate"] != nil || new["yearToDate"] != nil {
            let was = old["yearToDate"] as? [String: Any] ?? [:], now = new["yearToDate"] as? [String: Any] ?? [:]
            compare("yearToDate.hoursSaved", "年度累計 削減時間（時間）", number(was["hoursSaved"]), number(now["hoursSaved"]))
            // Its targets' actuals too: the AI-supported tasks of the year to date (helper-149 #1).
            let targetsBefore = lines(was, "targets", id: { text($0["metric"]) }), targetsAfter = lines(now, "targets", id: { text($0["metric"]) })
            for metric in Set(targetsBefore.keys).intersection(targetsAfter.keys).sorted() {
                compare("yearToDate.targets[\(metric)].actual", "年度累計 \(text(targetsAfter[metric]?["label"]))", number(targetsBefore[metric]?["actual"]),
                        number(targetsAfter[metric]?["actual"]), unknownIsZero: false)
            }
        }
        // Yen saved and the net effect (費用対効果), where both sides state them: the staff cost or a licence changed in
        // kouka.toml restates a closed year's yen (helper-149 #2).
        if let was = old["money"] as? [String: Any], let now = new["money"] as? [String: Any] {
            for (key, label) in [("savedYen", "削減額（円）"), ("licenceYen", "ライセンス費（円）"), ("netYen", "費用対効果（円）")] {
                compare("money.\(key)", label, number(was[key]), number(now[key]))
            }
            each("departments", id: { text($0["department"]) }) { department, before, after in
                guard before?["savedYen"] != nil || after?["savedYen"] != nil else { return }
                compare("departments[\(department)].savedYen", "課別 削減額 \(department)（円）", number(before?["savedYen"]), number(after?["savedYen"]))
            }
        }
        return out
    }

    /// The minutes of each catalog row (by task, `validFrom` and unit) that `old` used and `new` uses otherwise, as restated
    /// figures whose field begins `catalog.rows[`; a row one side did not use stands as なし there. Both sets name only the
    /// rows their figures used, so a row that begins or ends being used is listed too. A set names no row's system: one task's
    /// rows for two systems from one day are told apart by unit (helper-178 #1, #2: keyed by task and day alone, an AI-OCR
    /// row's change went unlisted, and a translation row added was stated as the AI-OCR row's minutes raised tenfold), and
    /// those of one unit too by their place in the set's order, as verification pairs them.
    static func catalogRows(from old: [String: Any], to new: [String: Any]) -> [RestatedFigure] {
        func rows(_ json: [String: Any]) -> [String: [String: Any]] {
            var keyed: [String: [String: Any]] = [:]
            for line in ((json["catalog"] as? [String: Any])?["rows"] as? [[String: Any]]) ?? [] {
                var key = "\(text(line["task"]))|\(text(line["validFrom"]))|\(text(line["unit"]))"
                while keyed[key] != nil { key += "#" }
                keyed[key] = line
            }
            return keyed
        }
        let before = rows(old), after = rows(new)
        var out: [RestatedFigure] = []
        for key in Set(before.keys).union(after.keys).sorted() {
            let line = after[key] ?? before[key] ?? [:]
            let unit = EffectUnit(rawValue: text(line["unit"]))?.japaneseLabel ?? text(line["unit"])
            for (column, name) in [("manualMinutesPerUnit", "手作業の時間（分/\(unit)）"), ("residualMinutesPerUnit", "残る作業の時間（分/\(unit)）"),
                                   ("reworkMinutesPerFailure", "失敗1件の手直し時間（分）")] {
                let b = before[key].flatMap { number($0[column]) }, a = after[key].flatMap { number($0[column]) }
                guard differs(b, a) else { continue }
                out.append(RestatedFigure(field: "catalog.rows[\(key)].\(column)",
                                          label: "カタログの行 \(text(line["task"]))（\(text(line["validFrom"])) から）\(name)", before: b, after: a))
            }
        }
        return out
    }

    /// Whether a figure stated on one side only, or otherwise on both, beyond binary noise.
    private static func differs(_ before: Double?, _ after: Double?) -> Bool {
        guard let before, let after else { return before != nil || after != nil }
        return abs(before - after) > 1e-9
    }

    private static func text(_ value: Any?) -> String { value.map { "\($0)" } ?? "" }

    /// A figure as JSON gives it; nil for null or a line without it.
    private static func number(_ value: Any?) -> Double? {
        value is NSNull ? nil : (value as? NSNumber)?.doubleValue
    }
}
