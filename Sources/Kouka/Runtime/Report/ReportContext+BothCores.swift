import Dispatch

extension ReportContext {
    /// Adds up, two at a time on both cores, the rollups of the fiscal years `years` and of the year before each as
    /// `reportComparedWithTheYearBefore(_:generatedAt:asOf:)` compares it (as of the context's day), and keeps the sums
    /// (`BuiltReports.fromRollups`), so that the reports of those years are then made from them without adding up again.
    ///
    /// Each period's inputs are read from the store on this thread, the one that owns the connection; the adding up
    /// (`ReportBuilder`) needs nothing but them, and gives the same sums on any thread. Verification makes the reports of
    /// the logs read again after everything else, with the other core mostly idle: at 18,260 daily logs, adding up one
    /// year after another was 316 of the 649 samples `perf` took of that thread. Two periods' inputs at a time hold two periods' rollups at most.
    func addingUpOnBothCores(years: [FiscalYear], generatedAt: String) throws {
        var keys: [BuiltReports.RollupsKey] = []
        for year in years {
            let period = ReportPeriod.fiscalYear(year)
            for key in [Self.rollupsKey(period.yearBefore, generatedAt: generatedAt, through: yearBeforeThrough(period, asOf: asOf)),
                        Self.rollupsKey(period, generatedAt: generatedAt, through: nil)]
            where built.fromRollups[key] == nil && !keys.contains(key) {
                keys.append(key)
            }
        }
        for start in stride(from: 0, to: keys.count, by: 2) {
            let pair = Array(keys[start..<min(start + 2, keys.count)])
            let inputs = try pair.map(reportInputs)
            let sums = SumsAddedUp(count: inputs.count)
            DispatchQueue.concurrentPerform(iterations: inputs.count) { sums.set($0, ReportBuilder.buildWithRPAMinutes(inputs[$0])) }
            // A place left unset (none is) would be added up again when its report is made.
            for (place, key) in pair.enumerated() { built.fromRollups[key] = sums.value(at: place) }
        }
    }
}

/// The sums of a few periods added up on several threads, each into a place of its own.
private final class SumsAddedUp: @unchecked Sendable {
    typealias Sums = (report: YearReport, rpaMinutes: RPAMinutesByMonth)
    // Each place is written by one iteration of `concurrentPerform` only, and read after it has returned; through a
    // buffer allocated once, so that no thread mutates the array that holds them.
    private let places: UnsafeMutableBufferPointer<Sums?>

    init(count: Int) {
        places = .allocate(capacity: count)
        places.initialize(repeating: nil)
    }

    deinit {
        places.deinitialize()
        places.deallocate()
    }

    func set(_ place: Int, _ value: Sums) { places[place] = value }

    /// The sums at `place`, once set.
    func value(at place: Int) -> Sums? { places[place] }
}
