extension VerifySummary {
    /// The differences as a tab-separated table for people, one per line, with a last line that says whether
    /// the store and the reports agree with the logs.
    package static func table(_ summary: VerifySummary) -> String {
        var out = "種別\t対象\t項目\t記録値（どこ）\t期待値（何から）\t説明\n"
        for d in summary.differences {
            out += [d.kind, d.subject, d.field, "\(d.found)（\(d.foundIn)）", "\(d.expected)（\(d.expectedFrom)）", d.detail]
                .map { $0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\t") + "\n"
        }
        for skipped in summary.filesSkipped { out += "skipped\t\(skipped)\n" }
        for accepted in summary.storeEditsAccepted { out += "store edit accepted\t\(accepted)\n" }
        for holding in summary.reportsStillHolding { out += "report still holds\t\(holding)\n" }
        out += summary.differences.isEmpty
            ? "\(summary.filesChecked) files read again as of \(summary.asOf): no difference\n"
            : "\(summary.differences.count) difference(s); \(summary.filesChecked) files read again as of \(summary.asOf)\n"
        return out
    }
}
