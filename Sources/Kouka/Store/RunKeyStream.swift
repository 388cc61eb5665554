
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

    package init(days: ClosedRange<LocalDate>, unfinished: [UInt64] = [], unanswered: [UInt64] = [],
                 forEach: @escaping ((UInt64) throws -> Void) throws -> Void) {
        self.days = days
        self.unfinished = unfinished
        self.unanswered = unanswered
        self.forEach = forEach
    }
}
