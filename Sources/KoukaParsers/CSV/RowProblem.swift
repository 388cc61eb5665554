import KoukaCore

/// Why one data row cannot be counted; becomes a `Rejection` with the row's line.
struct RowProblem: Error {
    let reason: String
    /// The row is a run counted elsewhere, left out so that it counts once.
    let isRepeatedRun: Bool

    init(_ reason: String) {
        self.reason = reason
        isRepeatedRun = false
    }

    /// A run that `RunAdmission` refused, its id in `idColumn`.
    init(_ refusal: RunAdmission.Refusal, idColumn: String) {
        reason = refusal.reason(idColumn: idColumn)
        isRepeatedRun = true
    }

    func rejection(file: String, line: Int) -> Rejection {
        Rejection(file: file, line: line, reason: reason, isRepeatedRun: isRepeatedRun)
    }
}
