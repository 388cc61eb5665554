
/// How `kouka-audit targets` treats the new-systems target: without a register it is not measured, which
/// passes only a target of 0; go-lives still ahead are shown as 見込み and never counted.
enum NewSystemsAudit {
    /// Whether the year's new-systems target is checked or needs no check.
    static func checked(_ line: NewSystemsLine?) -> Bool {
        guard let line, !line.measured, let target = line.target else { return true }
        return target == 0
    }

    /// The table's extra lines: 未計測, and the systems whose go-live is still ahead.
    static func tableLines(_ year: TargetAuditSummary.Year) -> String {
        guard let line = year.newSystems else { return "" }
        if !line.measured {
            guard let target = line.target else { return "" }
            return "\(year.label)\t\(NewSystemsLine.label)\t\(target)\t未計測\t未計測（systems の登録簿が未設定）\n"
        }
        guard let planned = line.planned, planned > 0 else { return "" }
        return "\(year.label)\t\(NewSystemsLine.label)（見込み: \(line.asOf) より後に稼働）\t\(line.target.map(String.init) ?? "—")\t+\(planned)\t見込み\n"
    }
}
