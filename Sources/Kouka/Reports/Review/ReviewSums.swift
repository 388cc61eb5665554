
/// One tool's sums over one period's rollups: what the logs measured, before any rate is taken.
struct ReviewSums {
    /// Rollups that were not cancelled.
    var events = 0
    /// Of successful rollups: the person-time measured and the quantity it was measured on.
    var humanSeconds = 0.0
    var humanMeasuredQuantity = 0.0
    /// Quality counts of every rollup but the cancelled (of the successful only, a language pair's characters), in all and
    /// by the log's task name (form, category).
    var quality: [QualityMeasure: Double] = [:]
    var qualityByName: [String: [QualityMeasure: Double]] = [:]
    /// Chatbot answers given outside office hours.
    var offHoursAnswers = 0
    /// RPA, by catalog task: rework minutes charged on failures, failed runs (those that never ended among them) counted
    /// as runs whatever the task's unit, and the months with a run, a cancelled one too (`yyyy-MM`).
    var reworkMinutesByTask: [String: Double] = [:]
    var failedRunsByTask: [String: Int] = [:]
    var monthsByTask: [String: Set<String>] = [:]

    /// The sums of each family over `period`'s rollups; running totals (DeepL) count once, as in the report.
    static func of(_ period: ReviewPeriod, catalog: TaskCatalog) -> [SystemFamily: ReviewSums] {
        var sums: [SystemFamily: ReviewSums] = [:]
        var rows = CatalogRows(catalog)
        for rollup in RunningTotals.latest(period.rollups) where rollup.key.date >= period.firstDay && rollup.key.date <= period.through {
            let key = rollup.key, t = rollup.totals
            guard key.outcome != .cancelled else {
                // A cancelled run is a run of its month, as 実行回数 counts it: its robot is in use, not idle (helper-167 #2: a
                // month with one cancelled run was 1 in 実行回数 and idle in 実行のない月数).
                if key.family == .rpa, let entry = rows.entry(for: key.taskName, system: .rpa, on: key.date) {
                    sums[key.family, default: ReviewSums()].monthsByTask[entry.taskID, default: []].insert(key.date.monthKey)
                }
                continue
            }
            // Taken out while it is added to, not copied: a copy of its dictionaries for every rollup was most of a review's time.
            var s = sums.removeValue(forKey: key.family) ?? ReviewSums()
            s.events += t.events
            if key.outcome == .success {
                s.humanSeconds += t.humanSeconds
                s.humanMeasuredQuantity += t.humanMeasuredQuantity
                if key.offHours { s.offHoursAnswers += t.events }
            }
            // The count of empty uses is the AI-task count's (`AITaskCounter`), not a measure of the tool's quality. A failed
            // translation request translated nothing: its characters are not a language pair's.
            for (measure, value) in t.quality where measure != .emptyUses && (measure.languagePair == nil || key.outcome == .success) {
                s.quality[measure, default: 0] += value
                s.qualityByName[key.taskName, default: [:]][measure, default: 0] += value
            }
            if key.family == .rpa, let entry = rows.entry(for: key.taskName, system: .rpa, on: key.date) {
                s.monthsByTask[entry.taskID, default: []].insert(key.date.monthKey)
                if key.outcome.isFailure {
                    s.failedRunsByTask[entry.taskID, default: 0] += t.events
                    s.reworkMinutesByTask[entry.taskID, default: 0] += Double(EffectModel.failures(unit: key.unit, totals: t, entry: entry)) * entry.reworkMinutesPerFailure
                }
            }
            sums[key.family] = s
        }
        return sums
    }

    /// `part ÷ whole` of two measures; nil when nothing was measured (no denominator), never 0.
    static func rate(_ counts: [QualityMeasure: Double]?, _ part: QualityMeasure, of whole: QualityMeasure) -> Double? {
        guard let counts, let denominator = counts[whole], denominator > 0 else { return nil }
        return (counts[part] ?? 0) / denominator
    }
}
