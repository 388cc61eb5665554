
extension MappedRow {
    /// The outcome from the `status` role: `success` when no status column is mapped; else the list the
    /// value is in — `success`, `failure`, `cancelled`, or nil for `unfinished`. A value in none of them is
    /// rejected, never taken for a success (the configuration must list the success values, see
    /// `ColumnRoles.problem(with:)`).
    func outcome() throws(RowProblem) -> Outcome? {
        guard has("status") else { return .success }
        switch try list("status", among: ["success", "failure", "cancelled", "unfinished"]) {
        case "success": return .success
        case "failure": return .failure
        case "cancelled": return .cancelled
        default: return nil
        }
    }

    /// Which of `lists` the value of `role`'s column is in, the first that holds it. The empty cell is in a
    /// list only when the list names "" itself; a value in none of them is rejected with the lists named.
    func list(_ role: String, among lists: [String]) throws(RowProblem) -> String {
        let text = try self.text(role)
        if let found = lists.first(where: { value(text, isIn: $0) }) { return found }
        let column = options.columns[role] ?? role
        let configured = lists.filter { options.values[$0] != nil }.joined(separator: ", ")
        if text.isEmpty {
            throw RowProblem("column \(column) is empty, and none of the [source.values] lists \(configured) names \"\" (list it to give the empty cell a meaning)")
        }
        throw RowProblem("column \(column) is in none of the [source.values] lists \(configured)\(row.quoted(text)); add the value to the list it means")
    }
}
