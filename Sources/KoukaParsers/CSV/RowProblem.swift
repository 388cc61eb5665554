/// Why one data row cannot be counted; becomes a `Rejection` with the row's line.
struct RowProblem: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}
