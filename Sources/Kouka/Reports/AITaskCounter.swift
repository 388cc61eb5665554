
/// Counts AI-supported tasks (AIを活用した業務数): an AI-family task counts in a fiscal year when it had
/// at least the configured number of successful uses on or after the day it entered production. A task
/// supported by several AI tools counts once. Only uses that saved time under their catalog row count: a
/// success in another unit than the row's saves nothing and is not a use either.
///
/// Every AI-family task the period saw is listed, counted or not, with why: one whose uses all failed, fell
/// outside office hours or were in the wrong unit is listed with those numbers, not left out.
struct AITaskCounter {
    private struct Uses {
        var name: String
        var systems: Set<SystemFamily> = []
        var production: LocalDate?
        /// Successful uses on or after the production date, and before it.
        var uses = 0, early = 0
        var failures = 0, offHours = 0, mismatched = 0
    }

    let minimumUses: Int
    private var tasks: [String: Uses] = [:]

    init(minimumUses: Int) { self.minimumUses = minimumUses }

    /// Successful uses that saved time under `entry`.
    mutating func add(entry: CatalogEntry, uses: Int, on date: LocalDate) {
        update(entry) { task in
            if let production = entry.productionFrom, date < production { task.early += uses } else { task.uses += uses }
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
        var task = tasks[entry.taskID] ?? Uses(name: entry.name, production: entry.productionFrom)
        task.systems.insert(entry.system)
        change(&task)
        tasks[entry.taskID] = task
    }

    func lines() -> [AITaskLine] {
        tasks.keys.sorted().map { id in
            let t = tasks[id]!
            let counted = t.uses >= minimumUses
            var reason = counted
                ? "年度内の本番稼働後の成功した利用 \(t.uses) 件（\(minimumUses) 件以上で計上）"
                : (t.uses == 0 && t.early > 0
                    ? "利用 \(t.early) 件はすべて本番開始日より前"
                    : "本番稼働後の成功した利用 \(t.uses) 件（\(minimumUses) 件に満たない）")
            var left: [String] = []
            if t.failures > 0 { left.append("失敗 \(t.failures) 件") }
            if t.offHours > 0 { left.append("開庁時間外の回答 \(t.offHours) 件") }
            if t.mismatched > 0 { left.append("単位がカタログと異なる利用 \(t.mismatched) 件") }
            if !left.isEmpty { reason += "。数えなかった利用: " + left.joined(separator: "、") }
            return AITaskLine(task: id, name: t.name, systems: t.systems.sorted().map(\.rawValue), uses: t.uses,
                              productionFrom: t.production?.description, counted: counted, reason: reason)
        }
    }
}
