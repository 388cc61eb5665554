extension Figures {
    /// The figures of a fiscal year's report: every number is the report's own.
    package init(_ report: YearReport) {
        self.init(
            fiscalYear: report.fiscalYear, label: report.label, firstDay: report.from, lastDay: report.to, timeZone: report.timezone,
            hoursSaved: report.hoursSaved.total, hoursSavedBySystem: report.hoursSaved.bySystem,
            tasks: report.tasks.map {
                Task(task: $0.task, name: $0.name, system: $0.system, department: $0.department, unit: $0.unit, successes: $0.successes,
                     failures: $0.failures, cancelled: $0.cancelled, units: $0.units, hoursSaved: $0.hoursSaved, basis: $0.basis,
                     catalogLines: $0.catalogLines, sources: $0.sources)
            },
            departments: report.departments.map {
                Department(department: $0.department, rank: $0.rank, hoursSaved: $0.hoursSaved, hoursSavedBySystem: $0.hoursBySystem)
            },
            aiTasks: report.aiTasks.map {
                AITask(task: $0.task, name: $0.name, systems: $0.systems, uses: $0.uses, counted: $0.counted, reason: $0.reason)
            },
            targets: report.targets.map { Target(metric: $0.metric, label: $0.label, target: $0.target, actual: $0.actual, met: $0.met) },
            excluded: Excluded(
                failedRuns: report.exclusions.failedRuns, unfinishedRuns: report.exclusions.unfinishedRuns,
                cancelledRuns: report.exclusions.cancelledRuns, unmappedRuns: report.exclusions.unmappedRuns,
                unitMismatchRuns: report.exclusions.unitMismatchRuns, offHoursAnswers: report.exclusions.offHoursAnswers,
                rejectedRows: report.exclusions.rejectedRows, rejectedRowsDateUnknown: report.exclusions.rejectedRowsDateUnknown,
                repeatedRuns: report.exclusions.repeatedRuns, duplicateFiles: report.exclusions.duplicateFiles),
            sources: report.sources.map {
                Source(path: $0.path, sha256: $0.sha256, format: $0.format, rows: $0.rows, accepted: $0.accepted, rejected: $0.rejected, status: $0.status)
            },
            catalog: report.catalog.path, catalogSHA256: report.catalog.sha256)
    }
}
