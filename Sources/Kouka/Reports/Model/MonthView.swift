/// Hours saved from `from` through `to` (local dates, both included): one block of a month's report.
package struct WeekLine: Sendable, Hashable, Codable {
    package var from: String
    package var to: String
    package var hoursSaved: Double
    /// Keyed by system family; every family appears.
    package var bySystem: [String: Double]
}

/// A month's fiscal year from April 1 through `through`: each target's actual so far against the whole
/// year's target, and where the RPA hours are heading.
package struct YearToDate: Sendable, Hashable, Codable {
    package var fiscalYear: Int
    /// 令和 label of the fiscal year, e.g. 令和6年度.
    package var label: String
    package var from: String
    /// The month's last day, or the store's last complete day when that is earlier.
    package var through: String
    package var hoursSaved: Double
    /// Each metric's actual from April 1 through `through` against the whole year's target; `met` says
    /// whether the actual already reaches it.
    package var targets: [TargetLine]
    /// As of `through`, while the fiscal year is under way then (nil when `through` is March 31).
    package var projection: Projection?

    package init(fiscalYear: Int, label: String, from: String, through: String, hoursSaved: Double, targets: [TargetLine], projection: Projection?) {
        self.fiscalYear = fiscalYear
        self.label = label
        self.from = from
        self.through = through
        self.hoursSaved = hoursSaved
        self.targets = targets
        self.projection = projection
    }
}
