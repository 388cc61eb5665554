/// Hours saved from `from` through `to` (local dates, both included): one block of a month's report.
public struct WeekLine: Sendable, Hashable, Codable {
    public var from: String
    public var to: String
    public var hoursSaved: Double
    /// Keyed by system family; every family appears.
    public var bySystem: [String: Double]
}

/// A month's fiscal year from April 1 through `through`: each target's actual so far against the whole
/// year's target, and where the RPA hours are heading.
public struct YearToDate: Sendable, Hashable, Codable {
    public var fiscalYear: Int
    /// 令和 label of the fiscal year, e.g. 令和6年度.
    public var label: String
    public var from: String
    /// The month's last day, or the store's last complete day when that is earlier.
    public var through: String
    public var hoursSaved: Double
    /// Each metric's actual from April 1 through `through` against the whole year's target; `met` says
    /// whether the actual already reaches it.
    public var targets: [TargetLine]
    /// As of `through`, while the fiscal year is under way then (nil when `through` is March 31).
    public var projection: Projection?

    public init(fiscalYear: Int, label: String, from: String, through: String, hoursSaved: Double, targets: [TargetLine], projection: Projection?) {
        self.fiscalYear = fiscalYear
        self.label = label
        self.from = from
        self.through = through
        self.hoursSaved = hoursSaved
        self.targets = targets
        self.projection = projection
    }
}
