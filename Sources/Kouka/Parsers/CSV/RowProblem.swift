
/// Why one data row cannot be counted; becomes a `Rejection` with the row's line.
struct RowProblem: Error {
    let reason: String
    /// The row is a run counted elsewhere, left out so that it counts once.
    let isRepeatedRun: Bool
    /// When the row's run started, where the problem knows it (a repeated run); else the table reader asks
    /// the format (`CSVRowDay`).
    let day: LocalDate?
    /// A run left out because another file counts it, with the event the row was read as (`LeftOutRun`).
    let leftOut: LeftOutRun?

    init(_ reason: String) {
        self.reason = reason
        isRepeatedRun = false
        day = nil
        leftOut = nil
    }

    /// A run that `RunAdmission` refused, its id in `idColumn`, started on `day`. `event`: the run as the row gives it,
    /// kept when another file counts it, with its marks (`RunAdmission.admit`), for the file to keep what it left out.
    init(_ refusal: RunAdmission.Refusal, idColumn: String, day: LocalDate, event: UsageEvent? = nil, unfinished: Bool = false,
         unanswered: Bool = false) {
        reason = refusal.reason(idColumn: idColumn)
        isRepeatedRun = true
        self.day = day
        if case let .countedIn(_, hash) = refusal, let event {
            leftOut = LeftOutRun(hash: hash, unfinished: unfinished, unanswered: unanswered, event: event)
        } else {
            leftOut = nil
        }
    }

    func rejection(file: String, line: Int) -> Rejection {
        Rejection(file: file, line: line, reason: reason, isRepeatedRun: isRepeatedRun, day: day, leftOut: leftOut)
    }

    /// The rejection of the row on `line`, dated by `dayOfRow` when the problem does not know its day: a
    /// report counts a rejected row in the year of its own date. `dayOfRow` is asked only here, for a row
    /// that is rejected, so rows that count never pay for it; nil from it means the row's date is unknown.
    func rejection(file: String, line: Int, dayOfRow: () -> LocalDate?) -> Rejection {
        Rejection(file: file, line: line, reason: reason, isRepeatedRun: isRepeatedRun, day: day ?? dayOfRow(), leftOut: leftOut)
    }
}
