
/// The RPA minutes saved in each month of a report's period, unrounded: what a projection is made from, so
/// that it too is its own unrounded figure, rounded once (`Rounding`), as the hours it projects are.
package struct RPAMinutesByMonth: Sendable, Hashable {
    /// By month (`yyyy-MM`); a month with no RPA minutes is absent.
    package var byMonth: [String: Double] = [:]

    package init(byMonth: [String: Double] = [:]) {
        self.byMonth = byMonth
    }

    /// The minutes of `month`, 0 when none.
    package subscript(month: String) -> Double {
        byMonth[month] ?? 0
    }
}
