import Kouka
import Testing

/// The DX policy's default targets (measure ④-1), as DESIGN.md's table lists them.
struct TargetTableTests {
    @Test(arguments: [
        (2021, 1200.0, 4, 0), (2022, 1600.0, 4, 0), (2023, 2000.0, 4, 0), (2024, 2500.0, 4, 1), (2025, 3000.0, 5, 2),
    ])
    func defaultsMatchThePolicy(year: Int, hours: Double, aiTasks: Int, newSystems: Int) {
        let targets = TargetTable.dxPolicyDefaults.targets(for: FiscalYear(year))
        #expect(targets == YearTargets(rpaHours: hours, aiTasks: aiTasks, newSystems: newSystems))
    }

    @Test func aYearWithoutTargetsHasNone() {
        let targets = TargetTable.dxPolicyDefaults.targets(for: FiscalYear(2026))
        #expect(targets.rpaHours == nil)
        #expect(targets.aiTasks == nil)
        #expect(targets.newSystems == nil)
    }
}
