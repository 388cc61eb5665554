import KoukaCore

/// Counts AI-supported tasks (AIを活用した業務数): an AI-family task counts in a fiscal year when it had
/// at least the configured number of successful uses on or after the day it entered production. A task
/// supported by several AI tools counts once.
struct AITaskCounter {
    let minimumUses: Int
    private var tasks: [String: (name: String, systems: Set<SystemFamily>, uses: Int, early: Int, production: LocalDate?)] = [:]

    init(minimumUses: Int) { self.minimumUses = minimumUses }

    mutating func add(entry: CatalogEntry, uses: Int, on date: LocalDate) {
        var task = tasks[entry.taskID] ?? (entry.name, [], 0, 0, entry.productionFrom)
        task.systems.insert(entry.system)
        if let production = entry.productionFrom, date < production { task.early += uses } else { task.uses += uses }
        tasks[entry.taskID] = task
    }

    func lines() -> [AITaskLine] {
        tasks.keys.sorted().map { id in
            let t = tasks[id]!
            let counted = t.uses >= minimumUses
            let reason = counted
                ? "年度内の本番稼働後の成功した利用 \(t.uses) 件（\(minimumUses) 件以上で計上）"
                : (t.uses == 0 && t.early > 0
                    ? "利用 \(t.early) 件はすべて本番開始日より前"
                    : "本番稼働後の成功した利用 \(t.uses) 件（\(minimumUses) 件に満たない）")
            return AITaskLine(task: id, name: t.name, systems: t.systems.sorted().map(\.rawValue), uses: t.uses,
                              productionFrom: t.production?.description, counted: counted, reason: reason)
        }
    }
}
