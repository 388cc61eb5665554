import Foundation

/// The task catalog as each nightly run found it. A row is the baseline of a task from its `valid_from` on: a new one
/// from a later day changes nothing already counted, but a row changed in place, removed, or added from a day already
/// past changes the figures of days already counted, and reports already signed (helper-89's
/// catalog-retro-edit-looks-like-honest-edit.sh: a 2020 row's residual minutes edited from 15 to 5 moved FY2023 past its
/// target, every job exiting 0). The store keeps every version, and the night a catalog changes days already past, it
/// names each such row (exit 1).
enum CatalogHistory {
    /// A row as compared: what of it decides a figure (its name and its line do not).
    struct Row: Codable, Hashable {
        var task: String
        var validFrom: String
        var department: String
        var system: String
        var unit: String
        var manual: Double
        var residual: Double
        var rework: Double
        var productionFrom: String?
        var patterns: [String]

        init(_ entry: CatalogEntry) {
            task = entry.taskID
            validFrom = entry.validFrom.description
            department = entry.department
            system = entry.system.rawValue
            unit = entry.unit.rawValue
            manual = entry.manualMinutesPerUnit
            residual = entry.residualMinutesPerUnit
            rework = entry.reworkMinutesPerFailure
            productionFrom = entry.productionFrom?.description
            patterns = entry.patterns.sorted()
        }

        /// A row's identity: a task has a row for each system it is supported by, from one day (helper-136: a task's second
        /// system's row was never compared, its baseline changed in place with every job exiting 0).
        var key: String { "\(task)\u{0}\(system)\u{0}\(validFrom)" }

        /// As compared: `production_from` decides AI uses only (the uses before it do not count); of a robot's row, only the
        /// path to the target's planned hours, which are no counted figure (helper-136: a go-live postponed named as
        /// changing counted days).
        /// An AI tool's go-live after the last day counted (`through`) moved to another day after it changes no counted day
        /// either (helper-138): as compared, it is none.
        func compared(through: LocalDate) -> Row {
            var row = self
            if SystemFamily(rawValue: system)?.isAI != true {
                row.productionFrom = nil
            } else if productionFrom.flatMap(LocalDate.init).map({ $0 > through }) == true {
                // Any day after: as against none, which counts every use, it is a change (helper-142).
                row.productionFrom = "after \(through)"
            }
            return row
        }
    }

    /// A catalog as a run found it: its rows, their digest, and what they change against the version the store kept last.
    struct Version {
        var digest: String
        var rows: String
        /// Whether the store keeps no version with this digest as its last: kept once the run has recorded everything.
        var isNew: Bool
        /// The rows that change days before the run's day, each said for the summary; none against no version.
        var changes: [String]
    }

    /// `catalog` against the version the store kept last.
    static func compare(_ catalog: TaskCatalog, today: LocalDate, store: KoukaStore) throws -> Version {
        let rows = catalog.entries.map(Row.init).sorted { ($0.task, $0.validFrom, $0.system) < ($1.task, $1.validFrom, $1.system) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(rows), as: UTF8.self)
        var hasher = SHA256()
        Array(text.utf8).withUnsafeBytes { hasher.update($0) }
        let digest = hasher.finalizeHex()
        let last = try store.lastCatalogVersion()
        guard let last, last.digest != digest else { return Version(digest: digest, rows: text, isNew: last == nil, changes: []) }
        let before: [Row]
        do { before = try JSONDecoder().decode([Row].self, from: Data(last.rows.utf8)) } catch {
            throw StoreError.undecodable(path: store.path, table: "catalog_versions", column: "rows", value: "the catalog version kept last")
        }
        // Only days the store counts can change: a row from a day after the last of them (a baseline entered ahead of a task
        // that has not run since) changes nothing counted (helper-100 #5).
        let through = try store.lastCountedDay().map { min($0, today.adding(days: -1)) }
        return Version(digest: digest, rows: text, isNew: true, changes: through.map { changes(from: before, to: rows, through: $0) } ?? [])
    }

    /// Keeps `version` when it is new, at the end of the run that found it: a run stopped before keeps nothing, and the
    /// next one names the same changes.
    static func keep(_ version: Version, run: Int64?, store: KoukaStore) throws {
        if version.isNew { try store.recordCatalogVersion(digest: version.digest, rows: version.rows, run: run) }
    }

    /// Whether a written report's catalog row (`catalog.rows[]` of its JSON) is one of a version the store kept: its task,
    /// first day, unit and minutes. nil when the store kept none (a store from before 0.5.5), so nothing can be told.
    static func rowSeen(in store: KoukaStore) throws -> (([String: Any]) -> Bool)? {
        var seen = Set<String>()
        for text in try store.catalogVersionRows() {
            let rows: [Row]
            do { rows = try JSONDecoder().decode([Row].self, from: Data(text.utf8)) } catch {
                throw StoreError.undecodable(path: store.path, table: "catalog_versions", column: "rows", value: "a catalog version kept")
            }
            for row in rows { seen.insert(key(row.task, row.validFrom, row.unit, row.manual, row.residual, row.rework)) }
        }
        guard !seen.isEmpty else { return nil }
        return { line in
            func number(_ name: String) -> Double { (line[name] as? NSNumber)?.doubleValue ?? .nan }
            return seen.contains(key("\(line["task"] ?? "")", "\(line["validFrom"] ?? "")", "\(line["unit"] ?? "")", number("manualMinutesPerUnit"),
                                     number("residualMinutesPerUnit"), number("reworkMinutesPerFailure")))
        }
    }

    private static func key(_ task: String, _ from: String, _ unit: String, _ manual: Double, _ residual: Double, _ rework: Double) -> String {
        "\(task)\u{0}\(from)\u{0}\(unit)\u{0}\(manual)\u{0}\(residual)\u{0}\(rework)"
    }

    /// The rows of `after` that change days on or before `through` (the last day counted) against `before`: changed in place
    /// or removed (in force from such a day), or added from such a day.
    static func changes(from before: [Row], to after: [Row], through: LocalDate) -> [String] {
        let was = Dictionary(before.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let now = Dictionary(after.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        // A task supported by several systems names the system of its row.
        var systems: [String: Set<String>] = [:]
        for row in before + after { systems[row.task, default: []].insert(row.system) }
        var said: [String] = []
        for key in Set(was.keys).union(now.keys).sorted() {
            let row = now[key] ?? was[key]!
            guard let from = LocalDate(row.validFrom), from <= through else { continue }
            let name = (systems[row.task]?.count ?? 0) > 1 ? "\(row.task) (\(row.system)) from \(row.validFrom)" : "\(row.task) from \(row.validFrom)"
            switch (was[key], now[key]) {
            case let (old?, new?) where old.compared(through: through) != new.compared(through: through):
                said.append("\(name): \(difference(old.compared(through: through), new.compared(through: through))), in force since \(from): the figures of the days counted since change")
            case (_?, nil): said.append("\(name): removed, in force since \(from): the days counted since are counted by the row in force before it, or by none")
            // Said whole: "the days counted since change" read as a sentence cut short (helper-150 #4).
            case (nil, _?): said.append("\(name): added from \(from), a day already past: the figures of the days counted since \(from) change (runs of its names that no row mapped on them count under it now); make the reports of those days again")
            default: break
            }
        }
        return said
    }

    private static func difference(_ old: Row, _ new: Row) -> String {
        var parts: [String] = []
        func note(_ name: String, _ a: String, _ b: String) { if a != b { parts.append("\(name) \(a) → \(b)") } }
        note("manual minutes", NumberText.quantity(old.manual), NumberText.quantity(new.manual))
        note("residual minutes", NumberText.quantity(old.residual), NumberText.quantity(new.residual))
        note("rework minutes", NumberText.quantity(old.rework), NumberText.quantity(new.rework))
        note("unit", old.unit, new.unit)
        note("system", old.system, new.system)
        note("department", old.department, new.department)
        note("production_from", old.productionFrom ?? "none", new.productionFrom ?? "none")
        note("match", old.patterns.joined(separator: "|"), new.patterns.joined(separator: "|"))
        return parts.joined(separator: ", ")
    }
}
