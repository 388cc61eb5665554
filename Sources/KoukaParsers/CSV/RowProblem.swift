import KoukaCore

/// Why one data row cannot be counted; becomes a `Rejection` with the row's line.
struct RowProblem: Error {
    let reason: String
    /// The row is a run counted elsewhere, left out so that it counts once; `day` is when it started.
    let isRepeatedRun: Bool
    let day: LocalDate?

    init(_ reason: String) {
        self.reason = reason
        isRepeatedRun = false
        day = nil
    }

    /// A run that `RunAdmission` refused, its id in `idColumn`, started on `day`.
    init(_ refusal: RunAdmission.Refusal, idColumn: String, day: LocalDate) {
        reason = refusal.reason(idColumn: idColumn)
        isRepeatedRun = true
        self.day = day
    }

    func rejection(file: String, line: Int) -> Rejection {
        Rejection(file: file, line: line, reason: reason, isRepeatedRun: isRepeatedRun, day: day)
    }
}
