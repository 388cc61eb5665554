
/// A file's row of `run_key_sets` as the store holds it: the days its runs started on and their span class
/// (`RunKeySpan`), which decide which later files its run ids are compared with. The days are kept as stored
/// text, so that a row changed behind Kouka's back is compared, not refused.
struct RunKeySetRow: Sendable, Hashable, CustomStringConvertible {
    var firstDay: String
    var lastDay: String
    var spanClass: Int64

    var description: String { "days \(firstDay) to \(lastDay), span class \(spanClass)" }
}

extension RunKeySetRow {
    /// The row Kouka writes for runs on `days`.
    init(days: ClosedRange<LocalDate>) {
        self.init(firstDay: days.lowerBound.description, lastDay: days.upperBound.description, spanClass: Int64(RunKeySpan.spanClass(of: days)))
    }
}
