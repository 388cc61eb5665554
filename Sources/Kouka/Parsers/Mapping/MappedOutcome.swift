
extension MappedRow {
    /// The outcome from the `status` role: `success` when no status column is mapped; else the list the
    /// value is in — `success`, `failure`, `cancelled`, or nil for `unfinished`. A value in none of them is
    /// rejected, never taken for a success (the configuration must list the success values, see
    /// `ColumnRoles.problem(with:)`).
    func outcome() throws(RowProblem) -> Outcome? {
        guard has("status") else { return .success }
        let text = try self.text("status")
        return try options.outcome(ofStatus: text, quoted: row.quoted(text))
    }

    /// Which of `lists` the value of `role`'s column is in, the first that holds it. The empty cell is in a
    /// list only when the list names "" itself; a value in none of them is rejected with the lists named.
    func list(_ role: String, among lists: [String]) throws(RowProblem) -> String {
        let text = try self.text(role)
        return try options.list(holding: text, role: role, among: lists, quoted: row.quoted(text))
    }
}

extension SourceOptions {
    /// The outcome a `status` value means (see `MappedRow.outcome()`), for a row or a JSON record alike; `quoted` is
    /// the value as a rejection may show it ("" where the record's values are not shown).
    func outcome(ofStatus text: String, quoted: String) throws(RowProblem) -> Outcome? {
        switch try list(holding: text, role: "status", among: ["success", "failure", "cancelled", "unfinished"], quoted: quoted) {
        case "success": return .success
        case "failure": return .failure
        case "cancelled": return .cancelled
        default: return nil
        }
    }

    /// Which of `lists` holds `text`, the value of `role`'s column or key: see `MappedRow.list(_:among:)`.
    func list(holding text: String, role: String, among lists: [String], quoted: String) throws(RowProblem) -> String {
        let wanted = text.lowercased()
        if let found = lists.first(where: { list in (values[list] ?? []).contains { $0.lowercased() == wanted } }) { return found }
        let column = columns[role] ?? role
        let configured = lists.filter { values[$0] != nil }.joined(separator: ", ")
        if text.isEmpty {
            throw RowProblem("column \(column) is empty, and none of the [source.values] lists \(configured) names \"\" (list it to give the empty cell a meaning)")
        }
        throw RowProblem("column \(column) is in none of the [source.values] lists \(configured)\(quoted); add the value to the list it means")
    }
}
