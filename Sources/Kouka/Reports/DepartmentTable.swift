
/// The department comparison: every department with hours in the period or in the year before (one that
/// fell to zero is listed at 0, so that the year-before column adds up), ranked by hours, with its runs and
/// uses by system and unit — robot runs and chatbot inquiries are never one number.
enum DepartmentTable {
    /// One task line's part in its department.
    struct TaskUse {
        var department: String
        var task: String
        var system: SystemFamily
        var unit: EffectUnit
        var successes: Int
        var failures: Int
        var unfinished: Int
        var units: Double
        var minutes: Double
    }

    private struct UseKey: Hashable, Comparable {
        var system: SystemFamily
        var unit: EffectUnit
        static func < (a: UseKey, b: UseKey) -> Bool { (a.system, a.unit.rawValue) < (b.system, b.unit.rawValue) }
    }

    private struct Department {
        var minutes = 0.0
        var minutesBySystem: [SystemFamily: Double] = [:]
        var tasks = Set<String>()
        var uses: [UseKey: (line: DepartmentSystemLine, minutes: Double)] = [:]
    }

    /// With `hourlyStaffCostYen`, each department's yen saved, from its unrounded minutes, rounded once to the yen.
    static func lines(tasks: [TaskUse], previousYearHours: [String: Double]?, hourlyStaffCostYen: Double? = nil) -> [DepartmentLine] {
        compared(own(tasks: tasks, hourlyStaffCostYen: hourlyStaffCostYen), previousYearHours: previousYearHours, hourlyStaffCostYen: hourlyStaffCostYen)
    }

    /// `lines`, compared with the year before: each line gains the year before's hours and the change, a department
    /// that saved hours then and none now is listed at 0, and all are ranked again. A report compared with the year
    /// before is its own report so compared (`ReportContext`), not built a second time.
    static func compared(_ lines: [DepartmentLine], previousYearHours: [String: Double]?, hourlyStaffCostYen: Double?) -> [DepartmentLine] {
        var all = lines
        let present = Set(lines.map(\.department))
        for (name, hours) in previousYearHours ?? [:] where !present.contains(name) && hours != 0 {
            all.append(line(name, Department(), hourlyStaffCostYen: hourlyStaffCostYen))
        }
        for index in all.indices {
            let before = previousYearHours.map { $0[all[index].department] ?? 0 }
            all[index].previousYearHours = before
            all[index].change = before.map { Rounding.hundredths(all[index].hoursSaved - $0) }
        }
        return all.sorted { ($1.hoursSaved, $0.department) < ($0.hoursSaved, $1.department) }
            .enumerated().map { index, line in
                var ranked = line
                ranked.rank = index + 1
                return ranked
            }
    }

    /// Each department's own line, unranked and not compared with any year.
    private static func own(tasks: [TaskUse], hourlyStaffCostYen: Double?) -> [DepartmentLine] {
        var departments: [String: Department] = [:]
        for t in tasks {
            var d = departments[t.department] ?? Department()
            d.minutes += t.minutes
            d.minutesBySystem[t.system, default: 0] += t.minutes
            d.tasks.insert(t.task)
            let key = UseKey(system: t.system, unit: t.unit)
            var use = d.uses[key] ?? (DepartmentSystemLine(system: t.system.rawValue, unit: t.unit.rawValue, successes: 0, failures: 0,
                                                           unfinished: 0, units: 0, hoursSaved: 0), 0)
            use.line.successes += t.successes
            use.line.failures += t.failures
            use.line.unfinished += t.unfinished
            use.line.units += t.units
            use.minutes += t.minutes
            d.uses[key] = use
            departments[t.department] = d
        }
        return departments.map { name, d in line(name, d, hourlyStaffCostYen: hourlyStaffCostYen) }
    }

    private static func line(_ name: String, _ d: Department, hourlyStaffCostYen: Double?) -> DepartmentLine {
        let hours = Rounding.hundredths(d.minutes / 60)
        let uses = d.uses.keys.sorted().map { key in
            var line = d.uses[key]!.line
            line.hoursSaved = Rounding.hundredths(d.uses[key]!.minutes / 60)
            return line
        }
        var line = DepartmentLine(department: name, rank: 0, hoursSaved: hours, previousYearHours: nil, change: nil, tasks: d.tasks.count, bySystem: uses)
        line.hoursBySystem = Dictionary(uniqueKeysWithValues: SystemFamily.allCases.map {
            ($0.rawValue, Rounding.hundredths((d.minutesBySystem[$0] ?? 0) / 60))
        })
        line.savedYen = hourlyStaffCostYen.map { Rounding.yen(d.minutes / 60 * $0) }
        return line
    }
}
