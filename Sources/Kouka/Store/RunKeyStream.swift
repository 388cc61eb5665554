
/// The run ids a file counted, as ascending distinct 64-bit hashes handed over one at a time, so that a
/// file of millions of runs is stored and compared without holding them all; and the days those runs
/// started on. A run is on the same day in every file that holds it, so only files whose days overlap
/// need comparing.
package struct RunKeyStream {
    package let days: ClosedRange<LocalDate>
    package let forEach: ((UInt64) throws -> Void) throws -> Void
    /// Of those, the runs counted as unfinished, ascending: another file that holds one of them ended counts it instead.
    package let unfinished: [UInt64]
    /// Of the unfinished, a chatbot's questions last in their conversation that no answer followed yet, ascending: another
    /// file that holds one answered (still last, or not) counts it instead.
    package let unanswered: [UInt64]
    /// Of the runs, those on the first and on the last of `days`, ascending (`RunDayEdges`): what the set is compared by
    /// with files whose days end the day before, or begin the day after; nil where the format's times are the tool's own
    /// and every export dates a run alike, or where not known (sets written before Kouka kept them).
    package let firstDayRuns: [UInt64]?
    package let lastDayRuns: [UInt64]?

    package init(days: ClosedRange<LocalDate>, unfinished: [UInt64] = [], unanswered: [UInt64] = [], firstDayRuns: [UInt64]? = nil,
                 lastDayRuns: [UInt64]? = nil, forEach: @escaping ((UInt64) throws -> Void) throws -> Void) {
        self.firstDayRuns = firstDayRuns
        self.lastDayRuns = lastDayRuns
        self.days = days
        self.unfinished = unfinished
        self.unanswered = unanswered
        self.forEach = forEach
    }
}
