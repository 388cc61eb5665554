import Foundation

/// A written set's `asOf` (from 0.5.13: the store's last complete day its figures are as of) against what the set says of
/// itself as of that day: whether it is a 速報 and until when, a year's projection and new systems' day, a month's year to
/// date's last day. Verification compares the figures as of the day a set states, so a forged `asOf` with figures that
/// hold on either day passed — and a set made again over it took the signed set for a 速報 and restated nothing of it,
/// with exit 0 (helper-187 #1). Only what follows from the day alone is checked: whether a period over by the day the set
/// was made but not by its `asOf` is a 速報 depends on that day too, which the set does not state.
enum WrittenReportAsOf {
    /// Each part of `json` that another `asOf` than the one it states would have given.
    static func differences(_ json: [String: Any], period: ReportPeriod, path: String, rerun: String) -> [VerifySummary.Difference] {
        guard let stated = json["asOf"] as? String else { return [] }
        func difference(_ field: String, found: String, expected: String) -> VerifySummary.Difference {
            .init(kind: "written-report", subject: path, field: field, found: found, foundIn: "report", expected: expected, expectedFrom: "report",
                  detail: "the set states its figures as of \(stated), and this part of it says otherwise: the report file was edited (its asOf decides whether a set made again over it restates its figures). Keep the set as evidence, then re-run \(rerun)")
        }
        guard let day = LocalDate(stated) else { return [difference("asOf", found: stated, expected: "a day (yyyy-MM-dd)")] }
        var out: [VerifySummary.Difference] = []
        let preliminary = json["preliminary"] as? [String: Any]
        let written = preliminary.map { "\($0["asOf"] ?? "none") / \($0["settledFrom"] ?? "none")" } ?? "none"
        if period.lastDay <= day {
            let expected = PeriodSettling.preliminary(period, asOf: day).map { "\($0.asOf) / \($0.settledFrom)" } ?? "none"
            if written != expected { out.append(difference("preliminary", found: written, expected: expected)) }
        } else if let preliminary, preliminary["asOf"] as? String != stated {
            out.append(difference("preliminary.asOf", found: "\(preliminary["asOf"] ?? "none")", expected: stated))
        }
        // Each policy year is over, under way or ahead as of the day: its figures actual, to date, or none.
        for line in (json["policyPeriod"] as? [String: Any])?["years"] as? [[String: Any]] ?? [] {
            guard let start = line["fiscalYear"] as? Int, let status = line["status"] as? String else { continue }
            let expected = PolicyPeriodBuilder.status(of: FiscalYear(start), asOf: day)
            if status != expected { out.append(difference("policyPeriod.years[\(start)].status", found: status, expected: expected)) }
        }
        switch period {
        case let .fiscalYear(year):
            let projected = (json["projection"] as? [String: Any])?["asOf"] as? String
            let expected = year.firstDay <= day && day < year.lastDay ? stated : "none"
            if let projected, projected != expected {
                out.append(difference("projection.asOf", found: projected, expected: expected))
            }
            if let systems = (json["newSystems"] as? [String: Any])?["asOf"] as? String, systems != stated {
                out.append(difference("newSystems.asOf", found: systems, expected: stated))
            }
        case .month:
            if let through = (json["yearToDate"] as? [String: Any])?["through"] as? String, through != min(day, period.lastDay).description {
                out.append(difference("yearToDate.through", found: through, expected: min(day, period.lastDay).description))
            }
        }
        return out
    }
}
