
/// Counts AI-supported tasks (AIを活用した業務数): an AI-family task counts in a fiscal year when it had
/// at least the configured number of successful uses on or after the day it entered production (each tool's row
/// its own day), and those uses handled something: a use that handled 0 units (an AI-OCR job of 0 sheets, an empty
/// transcript, a translation of 0 characters) supported nothing, so it is not one of the uses counted towards the
/// minimum, and a year of them alone supported no task. A task supported by several AI tools counts once. A success
/// in another unit than the catalog row's saves nothing and is not a use either.
///
/// Every AI-family task the period saw is listed, counted or not, with why: one whose uses all failed, fell
/// outside office hours or were in the wrong unit is listed with those numbers, not left out.
struct AITaskCounter {
    private struct Uses {
        var name: String
        /// The `validFrom` of the row `name` is from: the latest row of the period names the task, as its task line does
        /// (helper-172 #1: a row renamed mid-year showed one name in 業務別 and the old one in AIを活用した業務).
        var nameFrom: LocalDate
        var systems: Set<SystemFamily> = []
        /// Each tool's day of entering production, by the tool's name.
        var production: [String: LocalDate] = [:]
        /// Successful uses on or after the production date that handled something, and uses before it.
        var uses = 0, early = 0
        /// Successful uses on or after the production date that handled 0 units (`QualityMeasure.emptyUses`).
        var empty = 0
        /// What the uses on or after the production date handled, in their units.
        var units = 0.0
        var failures = 0, offHours = 0, mismatched = 0
    }

    let minimumUses: Int
    private var tasks: [String: Uses] = [:]

    init(minimumUses: Int) { self.minimumUses = minimumUses }

    /// Successful uses under `entry`, `empty` of which handled 0 units, and the units they handled.
    mutating func add(entry: CatalogEntry, uses: Int, empty: Int = 0, units: Double, on date: LocalDate) {
        update(entry) { task in
            if let production = entry.productionFrom, date < production {
                task.early += uses
            } else {
                task.uses += uses - empty
                task.empty += empty
                task.units += units
            }
        }
    }

    /// Uses of `entry` that do not count: failed, answered outside office hours (when those are left out), or
    /// counted in another unit than the row's.
    mutating func note(entry: CatalogEntry, failures: Int = 0, offHours: Int = 0, mismatched: Int = 0) {
        update(entry) { task in
            task.failures += failures
            task.offHours += offHours
            task.mismatched += mismatched
        }
    }

    private mutating func update(_ entry: CatalogEntry, _ change: (inout Uses) -> Void) {
        guard entry.system.isAI else { return }
        // Taken out while it changes, so that its sets are changed in place rather than copied for every rollup.
        var task = tasks.removeValue(forKey: entry.taskID) ?? Uses(name: entry.name, nameFrom: entry.validFrom)
        if entry.validFrom > task.nameFrom { (task.name, task.nameFrom) = (entry.name, entry.validFrom) }
        task.systems.insert(entry.system)
        if let production = entry.productionFrom { task.production[entry.system.rawValue] = production }
        change(&task)
        tasks[entry.taskID] = task
    }

    func lines() -> [AITaskLine] {
        tasks.keys.sorted().map { id in
            let t = tasks[id]!
            let counted = t.uses >= minimumUses && t.units > 0
            let noneHandled = "はいずれも処理量が 0（読取枚数・音声の分数・文字数など）で、AIが支援した処理がない"
            var reason = counted
                ? "期間内の本番稼働後の成功した利用 \(t.uses) 件（\(minimumUses) 件以上で計上）"
                // Said of the successful uses only: "all uses before go-live" beside failures and answers out of hours after it sent
                // an auditor to the go-live date (helper-154 #1).
                : (t.uses == 0 && t.empty == 0 && t.early > 0
                    ? "本番稼働後の成功した利用 0 件（成功した利用 \(t.early) 件はすべて本番開始日より前）"
                    : t.uses == 0 && t.empty > 0
                        ? "本番稼働後の成功した利用 \(t.empty) 件" + noneHandled
                        // A file read before 0.4.5 kept no count of its uses that handled nothing.
                        : t.uses >= minimumUses
                            ? "本番稼働後の成功した利用 \(t.uses) 件" + noneHandled
                            : "本番稼働後の成功した利用 \(t.uses) 件（\(minimumUses) 件に満たない）")
            var left: [String] = []
            if t.early > 0 && (t.uses > 0 || t.empty > 0) { left.append("本番開始日より前の利用 \(t.early) 件") }
            if t.empty > 0 && t.uses > 0 { left.append("処理量が 0 の利用 \(t.empty) 件") }
            if t.failures > 0 { left.append("失敗 \(t.failures) 件") }
            if t.offHours > 0 { left.append("開庁時間外の回答 \(t.offHours) 件") }
            if t.mismatched > 0 { left.append("単位がカタログと異なる利用 \(t.mismatched) 件") }
            if !left.isEmpty { reason += "。数えなかった利用: " + left.joined(separator: "、") }
            return AITaskLine(task: id, name: t.name, systems: t.systems.sorted().map(\.rawValue), uses: t.uses,
                              productionFrom: Self.productionText(t.production, systems: t.systems), counted: counted, reason: reason)
        }
    }

    /// The day the task entered production: one day, or each tool's when they differ (`2021-04-01（translation）、…`).
    /// A tool without a day of its own is named as such beside the others' (helper-95: a bare date printed for a task whose
    /// other tool's uses counted from before it).
    private static func productionText(_ days: [String: LocalDate], systems: Set<SystemFamily>) -> String? {
        let distinct = Set(days.values)
        let undated = systems.map(\.rawValue).filter { days[$0] == nil }.sorted()
        guard distinct.count > 1 || (!days.isEmpty && !undated.isEmpty) else { return distinct.first?.description }
        if !undated.isEmpty {
            return (days.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.map { "\($0.value)（\($0.key)）" }
                + undated.map { "開始日なし（\($0)）" }).joined(separator: "、")
        }
        return days.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.map { "\($0.value)（\($0.key)）" }.joined(separator: "、")
    }
}
