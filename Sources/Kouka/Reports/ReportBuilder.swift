
/// Builds a `YearReport` from rollups, catalog and targets. Pure and deterministic: the same inputs give
/// the same report, whatever order the rollups come in.
package enum ReportBuilder {
    /// A task's line: one per system and unit, so that a task two systems support (a chatbot and AI
    /// translation) never adds inquiries to characters; only its hours may be added up.
    private struct TaskKey: Comparable {
        var task: String
        var department: String
        var system: SystemFamily
        var unit: EffectUnit
        static func < (a: TaskKey, b: TaskKey) -> Bool {
            (a.task, a.department, a.system, a.unit.rawValue) < (b.task, b.department, b.system, b.unit.rawValue)
        }
    }

    /// A `TaskKey` with its names numbered (`CanonicalNames`): equal exactly when the `TaskKey`s are.
    private struct NumberedTaskKey: Hashable {
        var task: Int
        var department: Int
        var system: SystemFamily
        var unit: EffectUnit
    }

    private struct TaskSums {
        var entry: CatalogEntry
        var successes = 0, failures = 0, unfinished = 0, cancelled = 0, offHours = 0
        var units = 0.0, measuredUnits = 0.0, minutes = 0.0, machineSeconds = 0.0
        /// Whether any of its hours rest on person-time the logs measured, also of a use that handled no unit (a job of 0
        /// sheets whose checking took minutes): then its basis is not an estimate alone, as `HoursSaved.measured` says.
        var measuredTime = false
        var lines = Set<Int>()
        var sources = Set<Int64>()
    }

    private struct UnmappedSums {
        var runs = 0, units = 0.0
        var first: LocalDate, last: LocalDate
    }

    package static func build(_ inputs: ReportInputs) -> YearReport {
        buildWithRPAMinutes(inputs).report
    }

    /// The report, and its RPA minutes by month unrounded, which a projection multiplies (`ProjectionModel`).
    package static func buildWithRPAMinutes(_ inputs: ReportInputs) -> (report: YearReport, rpaMinutes: RPAMinutesByMonth) {
        let period = inputs.period
        // A task line's sums sit in an array, found by key once per rollup and changed in place there. The key's names are
        // numbered (`CanonicalNames`), so that a rollup's lookup hashes their bytes, not the names normalised.
        var taskSlots: [NumberedTaskKey: Int] = [:]
        var taskNames = CanonicalNames(), departmentNames = CanonicalNames()
        // By slot: each line's key, in the spelling of its first rollup, and its sums.
        var taskKeys: [TaskKey] = []
        var taskSums: [TaskSums] = []
        var unmapped: [String: [String: UnmappedSums]] = [:]
        var mismatches: [String: UnitMismatchLine] = [:]
        var minutesByFamily: [SystemFamily: Double] = [:]
        var measuredMinutes = 0.0
        // By month as `year * 100 + month`: a month's text key is made once per month, not once per rollup.
        var minutesByMonthNumber: [Int: [SystemFamily: Double]] = [:]
        var minutesByDay: [LocalDate: [SystemFamily: Double]] = [:]
        var usedRows: [Int: CatalogEntry] = [:]
        var exclusions = Exclusions(failedRuns: 0, unfinishedRuns: 0, cancelledRuns: 0, unmappedRuns: 0, unitMismatchRuns: 0, offHoursAnswers: 0,
                                    duplicateFiles: inputs.sources.values.filter { $0.status == "duplicate" }.count,
                                    repeatedRuns: inputs.sources.values.reduce(0) { $0 + $1.repeated })
        exclusions.rejectedRows = inputs.sources.values.reduce(0) { $0 + $1.rejected - $1.repeated }
        exclusions.rejectedRowsDateUnknown = inputs.sources.values.reduce(0) { $0 + $1.rejectedDateUnknown }
        var aiUses = AITaskCounter(minimumUses: inputs.minimumAIUses)
        var rows = CatalogRows(inputs.catalog)
        var departments = DepartmentSpellings(catalog: inputs.catalog)
        let tasksGivingItems = inputs.tasksGivingItems ?? Set(inputs.rollups.lazy.filter { $0.key.unit == .items }.map { "\($0.key.family.rawValue)\u{0}\($0.key.taskName)" })

        // A period's running totals (DeepL usage) from several files count once: the latest.
        let lastCounted = min(period.lastDay, inputs.countedThrough ?? period.lastDay)
        for rollup in RollupOrder.sorted(RunningTotals.latest(inputs.rollups)) where period.contains(rollup.key.date) && rollup.key.date <= lastCounted {
            let key = rollup.key, t = rollup.totals
            guard let entry = rows.entry(for: key.taskName, system: key.family, on: key.date) else {
                exclusions.unmappedRuns += t.events
                var sums = unmapped[key.family.rawValue, default: [:]][key.taskName] ?? UnmappedSums(first: key.date, last: key.date)
                sums.runs += t.events
                sums.units += t.quantity
                sums.first = min(sums.first, key.date)
                sums.last = max(sums.last, key.date)
                unmapped[key.family.rawValue, default: [:]][key.taskName] = sums
                continue
            }
            // A run is left out for one reason only: an unmapped failed run is unmapped, not also failed.
            switch key.outcome {
            case .failure: exclusions.failedRuns += t.events
            case .unfinished: exclusions.failedRuns += t.events; exclusions.unfinishedRuns += t.events
            case .cancelled: exclusions.cancelledRuns += t.events
            case .success: break
            }
            let department = departments.name(of: key.department.isEmpty ? entry.department : key.department)
            let numbered = NumberedTaskKey(task: taskNames.number(of: entry.taskID), department: departmentNames.number(of: department),
                                           system: entry.system, unit: entry.unit)
            let slot: Int
            if let found = taskSlots[numbered] {
                slot = found
            } else {
                slot = taskSums.count
                taskSlots[numbered] = slot
                taskKeys.append(TaskKey(task: entry.taskID, department: department, system: entry.system, unit: entry.unit))
                taskSums.append(TaskSums(entry: entry))
            }
            taskSums[slot].sources.insert(rollup.sourceID)
            // Named as its latest row in the period names it: a task renamed with a new baseline from October is shown under its
            // new name, not the one of its first run (helper-130 #3).
            if entry.validFrom > taskSums[slot].entry.validFrom { taskSums[slot].entry = entry }
            taskSums[slot].machineSeconds += t.machineSeconds
            if key.offHours && key.outcome == .success && inputs.excludeOffHoursChatbotAnswers {
                // Answered when no one staffed the counter: no staff time was saved.
                exclusions.offHoursAnswers += t.events
                taskSums[slot].offHours += t.events
                aiUses.note(entry: entry, offHours: t.events)
                continue
            }
            switch key.outcome {
            case .success: taskSums[slot].successes += t.events
            case .failure: taskSums[slot].failures += EffectModel.failures(unit: key.unit, totals: t, entry: entry)
            case .unfinished:
                let failed = EffectModel.failures(unit: key.unit, totals: t, entry: entry)
                taskSums[slot].failures += failed
                taskSums[slot].unfinished += failed
            case .cancelled: taskSums[slot].cancelled += t.events
            }
            // A queue robot's run that found its queue empty gives a run and no item: under its row in items it saved nothing
            // and lost nothing, and is no run in another unit (helper-130: listed among the mismatches, honest runs).
            if key.outcome == .success, key.unit == .runs, entry.unit == .items, EffectModel.runsWithoutItemsAreEmptyQueues(format: inputs.sources[rollup.sourceID]?.format ?? ""),
               tasksGivingItems.contains("\(key.family.rawValue)\u{0}\(key.taskName)") {
                continue
            }
            guard let minutes = EffectModel.savedMinutes(outcome: key.outcome, unit: key.unit, totals: t, entry: entry) else {
                exclusions.unitMismatchRuns += t.events
                let id = "\(entry.taskID)|\(key.taskName)|\(key.unit.rawValue)"
                var line = mismatches[id] ?? UnitMismatchLine(task: entry.taskID, name: key.taskName, logUnit: key.unit.rawValue,
                                                              catalogUnit: entry.unit.rawValue, runs: 0, units: 0)
                line.runs += t.events
                line.units += t.quantity
                mismatches[id] = line
                aiUses.note(entry: entry, mismatched: t.events)
                continue
            }
            switch key.outcome {
            case .success: aiUses.add(entry: entry, uses: t.events, empty: Int(t.quality[.emptyUses] ?? 0), units: t.quantity, on: key.date)
            case .failure, .unfinished: aiUses.note(entry: entry, failures: t.events)
            case .cancelled: break
            }
            if key.outcome == .success {
                taskSums[slot].units += t.quantity
                taskSums[slot].measuredUnits += t.humanMeasuredQuantity
                if t.humanMeasuredQuantity > 0 || t.humanSeconds != 0 { taskSums[slot].measuredTime = true }
            }
            taskSums[slot].minutes += minutes
            taskSums[slot].lines.insert(entry.line)
            usedRows[entry.line] = entry
            minutesByFamily[entry.system, default: 0] += minutes
            measuredMinutes += EffectModel.measuredMinutes(outcome: key.outcome, unit: key.unit, totals: t, entry: entry)
            minutesByMonthNumber[key.date.year * 100 + key.date.month, default: [:]][entry.system, default: 0] += minutes
            if period.kind == "month" { minutesByDay[key.date, default: [:]][entry.system, default: 0] += minutes }
        }

        // Every figure is its own unrounded sum, rounded once (see `Rounding`).
        let totalMinutes = SystemFamily.allCases.reduce(0.0) { $0 + (minutesByFamily[$1] ?? 0) }
        let hours = HoursSaved(
            total: Rounding.hundredths(totalMinutes / 60),
            estimated: Rounding.hundredths((totalMinutes - measuredMinutes) / 60), measured: Rounding.hundredths(measuredMinutes / 60),
            bySystem: Dictionary(uniqueKeysWithValues: SystemFamily.allCases.map { ($0.rawValue, Rounding.hundredths((minutesByFamily[$0] ?? 0) / 60)) }))

        let minutesByMonth = Dictionary(uniqueKeysWithValues: minutesByMonthNumber.map { number, byFamily in
            (LocalDate(year: number / 100, month: number % 100, day: 1).monthKey, byFamily)
        })
        // No two slots' keys are equal, so this order is the keys' own.
        let slotsInOrder = taskKeys.indices.sorted { taskKeys[$0] < taskKeys[$1] }
        // The sources in the order of their paths, found once: a task line's sources (a city's thousands of daily logs) are
        // put in that order by their places in it, not by comparing their paths again for every line.
        let sourcesByPath = inputs.sources.sorted { $0.value.path < $1.value.path }
        let placeByPath = Dictionary(uniqueKeysWithValues: sourcesByPath.enumerated().map { ($1.key, $0) })
        let taskLines = slotsInOrder.map { slot -> TaskLine in
            let key = taskKeys[slot], s = taskSums[slot]
            return TaskLine(
                task: key.task, name: s.entry.name, system: key.system.rawValue, department: key.department,
                unit: key.unit.rawValue, successes: s.successes, failures: s.failures, unfinished: s.unfinished, cancelled: s.cancelled,
                units: s.units, hoursSaved: Rounding.hundredths(s.minutes / 60),
                basis: !s.measuredTime ? "estimate" : (s.measuredUnits >= s.units ? "measured" : "partly-measured"),
                machineHours: Rounding.hundredths(s.machineSeconds / 3600), offHoursAnswers: s.offHours, catalogLines: s.lines.sorted(),
                sources: s.sources.compactMap { placeByPath[$0] }.sorted().map { sourcesByPath[$0].value.path })
        }

        // In the tasks' order, so that a department's sum of their minutes is added up the same way every time.
        let departmentLines = DepartmentTable.lines(tasks: slotsInOrder.map { slot in
            let key = taskKeys[slot], s = taskSums[slot]
            return DepartmentTable.TaskUse(department: key.department, task: key.task, system: key.system, unit: key.unit, successes: s.successes,
                                    failures: s.failures, unfinished: s.unfinished, units: s.units, minutes: s.minutes)
        }, previousYearHours: inputs.previousDepartmentHours, hourlyStaffCostYen: inputs.money?.hourlyStaffCostYen)

        let unmappedLines = unmapped.flatMap { family, names in
            names.map { name, s in
                let family = SystemFamily(rawValue: family)!
                let reason = rows.candidates(for: name, system: family).unmappedReason(from: s.first, through: s.last)
                return UnmappedLine(name: name, system: family.rawValue, runs: s.runs, units: s.units,
                                    firstDate: s.first.description, lastDate: s.last.description, reason: reason.rawValue)
            }
        }.sorted { ($1.runs, $0.system, $0.name) < ($0.runs, $1.system, $1.name) }

        let aiTasks = aiUses.lines()
        let targets = period.kind == "fiscal-year"
            ? targetLines(inputs.targets.targets(for: period.fiscalYear), hours: hours, aiTasks: aiTasks.filter(\.counted).count,
                          rpaRecorded: PolicyPeriodBuilder.hasRecords(tasks: taskLines, unmapped: unmappedLines, aiTasks: aiTasks, rpa: true),
                          aiRecorded: PolicyPeriodBuilder.hasRecords(tasks: taskLines, unmapped: unmappedLines, aiTasks: aiTasks, rpa: false))
            : []
        let catalogRows = usedRows.keys.sorted().map { line -> CatalogRowLine in
            let e = usedRows[line]!
            return CatalogRowLine(line: line, task: e.taskID, validFrom: e.validFrom.description, unit: e.unit.rawValue,
                                  manualMinutesPerUnit: e.manualMinutesPerUnit, residualMinutesPerUnit: e.residualMinutesPerUnit,
                                  reworkMinutesPerFailure: e.reworkMinutesPerFailure)
        }.sorted {
            // By what they state, not by their lines: two rows of one task and day (one a system) swapped in a catalog sorted
            // again keep their places, and verify pairs them as they were (helper-136: named as baselines changed).
            ($0.task, $0.validFrom, $0.unit) != ($1.task, $1.validFrom, $1.unit) ? ($0.task, $0.validFrom, $0.unit) < ($1.task, $1.validFrom, $1.unit)
                : ($0.manualMinutesPerUnit, $0.residualMinutesPerUnit, $0.reworkMinutesPerFailure, $0.line)
                    < ($1.manualMinutesPerUnit, $1.residualMinutesPerUnit, $1.reworkMinutesPerFailure, $1.line)
        }

        // A task's lines (one per department and unit) added in the tasks' order, as the departments' are.
        var rpaMinutesByTask: [String: Double] = [:]
        for slot in slotsInOrder where taskKeys[slot].system == .rpa { rpaMinutesByTask[taskKeys[slot].task, default: 0] += taskSums[slot].minutes }
        let rpaMinutes = RPAMinutesByMonth(byMonth: minutesByMonth.compactMapValues { $0[.rpa] },
                                           bySystem: Dictionary(uniqueKeysWithValues: minutesByFamily.map { ($0.key.rawValue, $0.value) }),
                                           byTask: rpaMinutesByTask)
        var report = YearReport(
            generatedAt: inputs.generatedAt, koukaVersion: inputs.koukaVersion, period: period.kind,
            fiscalYear: period.fiscalYear.startYear, label: period.label, from: period.firstDay.description, to: period.lastDay.description,
            timezone: inputs.timezone, hoursSaved: hours, targets: targets, tasks: taskLines, aiTasks: aiTasks, departments: departmentLines,
            months: monthLines(period.monthKeys, minutesByMonth),
            unmapped: unmappedLines, unitMismatches: mismatches.values.sorted { ($0.task, $0.name, $0.logUnit) < ($1.task, $1.name, $1.logUnit) },
            exclusions: exclusions, sources: inputs.sources.values.sorted { $0.path < $1.path },
            catalog: CatalogUse(path: inputs.catalogPath, sha256: inputs.catalogSHA256, rows: catalogRows),
            method: Method(
                hoursSaved: "削減時間 = Σ 成功した処理量 × (自動化前の手作業時間 − 自動化後も残る確認時間)〔分/単位〕 ÷ 60。ログに職員の作業時間の実測がある場合は、確認時間の見込みに代えて実測を用いる。失敗した実行は削減時間に数えず、業務カタログの手戻り時間を差し引く。中止・カタログ未登録の実行、UiPath Studio から起動した実行（開発時の試行）は数えない。翻訳は1,000文字あたり。",
                dates: "実行は開始した日（\(inputs.timezone) の現地日付）に属する。年度は4月1日から3月31日まで。各実行には、その日に有効な業務カタログの行（valid_from）を用いる。取り込めなかった行は、その行の日付（実行の開始日）の年度に数える。日付も読めない行はどの年度にも数えず、どの年度の報告にも「日付不明」として示す。",
                rounding: Rounding.rule,
                unfinished: "終了が記録されなかった実行（処理中・待機中のまま pending_max_hours〔\(NumberText.grouped(inputs.pendingMaxHours, decimals: 0)) 時間〕を過ぎたもの、またはロボットのログが終了行なしに閉じたもの）は失敗として数え、手戻り時間を差し引く。開始されないまま待ったタスクは実行予定日時（なければ生成日時）の日に数える。その件数は業務ごとに「うち未終了」、集計から除いたものに示す。",
                multiSystemTasks: "複数のツールが支える業務は、ツールと単位ごとに別の行とする。件数は単位の異なるものを合算せず、業務の合計は削減時間だけを足し合わせる。",
                officeHours: OfficeHoursMethod.text(inputs)),
            projection: nil, money: inputs.money?.line(minutes: minutesByFamily, period: period),
            weeks: WeekTable.lines(period: period, minutesByDay: minutesByDay))
        report.aiTasksMinimumUses = inputs.minimumAIUses
        return (report, rpaMinutes)
    }

    /// Each month's hours, in all and by system.
    private static func monthLines(_ months: [String], _ minutesByMonth: [String: [SystemFamily: Double]]) -> [MonthLine] {
        months.map { month in
            let byFamily = minutesByMonth[month] ?? [:]
            return MonthLine(month: month, hoursSaved: Rounding.hundredths(byFamily.values.reduce(0, +) / 60),
                             bySystem: Dictionary(uniqueKeysWithValues: SystemFamily.allCases.map { ($0.rawValue, Rounding.hundredths((byFamily[$0] ?? 0) / 60)) }))
        }
    }

    /// A metric whose tools left no record in the period states no actual (記録なし), not 0 and 未達成.
    private static func targetLines(_ targets: YearTargets, hours: HoursSaved, aiTasks: Int, rpaRecorded: Bool, aiRecorded: Bool) -> [TargetLine] {
        var lines: [TargetLine] = []
        if let rpa = targets.rpaHours {
            lines.append(TargetLine(metric: "rpa-hours", label: "RPAによる削減時間（時間）", target: rpa,
                                    actual: rpaRecorded ? hours.bySystem[SystemFamily.rpa.rawValue] ?? 0 : nil))
        }
        if let ai = targets.aiTasks {
            lines.append(TargetLine(metric: "ai-tasks", label: "AIを活用した業務数", target: Double(ai), actual: aiRecorded ? Double(aiTasks) : nil))
        }
        return lines
    }
}
