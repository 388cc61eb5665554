import KoukaCore

extension MappedRow {
    /// The outcome from the `status` role: `success` (the default when unmapped or no lists are
    /// configured), `failure`, `cancelled`; nil for an `unfinished` value; a value in no list is rejected.
    func outcome() throws(RowProblem) -> Outcome? {
        guard has("status") else { return .success }
        let text = try required("status")
        if value(text, isIn: "unfinished") { return nil }
        if value(text, isIn: "failure") { return .failure }
        if value(text, isIn: "cancelled") { return .cancelled }
        if value(text, isIn: "success") || options.values["success"] == nil { return .success }
        throw RowProblem("status is in none of the configured success, failure, cancelled or unfinished values\(row.quoted(text))")
    }
}
