import Foundation
@testable import Kouka
import Testing

/// The period table states a target as the city set it: 4.5 hours is not shown as 5 beside 4.50 hours 達成.
struct PeriodTableTargetTextTests {
    @Test func aTargetWithDecimalsKeepsThem() {
        var line = PolicyYearLine(fiscalYear: 2025, label: "令和7年度", status: "actual", rpaTarget: 4.5, aiTasksTarget: 5, newSystemsTarget: 2)
        line.rpaHours = 4.5
        line.rpaMet = true
        let cells = PeriodTableText.row(line, measured: true)
        #expect(cells[2] == "4.50")
        #expect(cells[3] == "4.50")
        line.rpaTarget = 3000
        #expect(PeriodTableText.row(line, measured: true)[2] == "3,000")
    }
}
