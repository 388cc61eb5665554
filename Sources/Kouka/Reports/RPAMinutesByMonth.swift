
/// The RPA minutes saved in each month of a report's period, unrounded: what a projection is made from, so
/// that it too is its own unrounded figure, rounded once (`Rounding`), as the hours it projects are. With them, the
/// period's minutes by system, unrounded, for the tool review.
package struct RPAMinutesByMonth: Sendable, Hashable {
    /// By month (`yyyy-MM`); a month with no RPA minutes is absent.
    package var byMonth: [String: Double] = [:]
    /// The period's minutes saved by system family (`rpa`, `ai-ocr`, …), unrounded: what a figure set against the
    /// hours saved (a licence per hour saved) divides by, so that it is not off by the rounding of the hours to 0.01 h.
    package var bySystem: [String: Double] = [:]
    /// The period's RPA minutes saved by catalog task, unrounded, its lines (departments, units) added: a task's hours in
    /// the tool review are this sum rounded once, never the sum of its lines' rounded hours.
    package var byTask: [String: Double] = [:]

    package init(byMonth: [String: Double] = [:], bySystem: [String: Double] = [:], byTask: [String: Double] = [:]) {
        self.byMonth = byMonth
        self.bySystem = bySystem
        self.byTask = byTask
    }

    /// The minutes of `month`, 0 when none.
    package subscript(month: String) -> Double {
        byMonth[month] ?? 0
    }
}
