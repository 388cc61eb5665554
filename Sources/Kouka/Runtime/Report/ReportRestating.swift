import Foundation

/// What a report made again says of the set it replaces (`Restatement`). Read from the old set's JSON as parsed, not decoded:
/// a set of an earlier Kouka, whose report had fewer fields, is still the figures a city published.
enum ReportRestating {
    /// The restatements the new `report` of `period` carries: those of the set at `json` (when there is one), and one more
    /// when that set's period was over by the day it stated (not 暫定: its runs still running were to be added) and
    /// `report` states other figures. `added` is that one, nil when none was added. A set whose JSON does not read is named by
    /// `kouka-audit verify`; one whose restatements do not read (edited) passes them on as none, and `unread` says so.
    static func restatements(of report: YearReport, period: ReportPeriod, replacing json: String) throws
        -> (all: [Restatement], added: Restatement?, unread: Bool) {
        guard let data = FileManager.default.contents(atPath: json),
              let old = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return ([], nil, false) }
        var all: [Restatement] = [], unread = false
        if let earlier = old["restatements"] {
            do {
                all = try JSONDecoder().decode([Restatement].self, from: JSONSerialization.data(withJSONObject: earlier))
            } catch {
                unread = true
            }
        }
        guard old["runsStillRunning"] == nil, let day = WrittenReportCheck.statedDay(of: old, period: period), day >= period.lastDay,
              let new = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as? [String: Any] else { return (all, nil, unread) }
        let changes = Self.changes(from: old, to: new)
        guard !changes.isEmpty else { return (all, nil, unread) }
        let added = Restatement(replacedGeneratedAt: old["generatedAt"] as? String ?? "（不明）", replacedKoukaVersion: old["koukaVersion"] as? String ?? "（不明）",
                                replacedAsOf: day.description, changes: changes)
        all.append(added)
        return (all, added, unread)
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
        each("targets", id: { text($0["metric"]) }) { metric, before, after in
            compare("targets[\(metric)].actual", text((after ?? before)?["label"]), number(before?["actual"]), number(after?["actual"]),
                    unknownIsZero: false)
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
            compare("yearToDate.hoursSaved", "年度累計 削減時間（時間）", number((old["yearToDate"] as? [String: Any])?["hoursSaved"]),
                    number((new["yearToDate"] as? [String: Any])?["hoursSaved"]))
        }
        return out
    }

    private static func text(_ value: Any?) -> String { value.map { "\($0)" } ?? "" }

    /// A figure as JSON gives it; nil for null or a line without it.
    private static func number(_ value: Any?) -> Double? {
        (value as? NSNumber)?.doubleValue
    }
}
