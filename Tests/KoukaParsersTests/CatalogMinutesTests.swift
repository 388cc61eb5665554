import Foundation
import Kouka
import Testing

/// A catalog row's minutes must make a saving: finite, 0 or more, and no more residual minutes than manual
/// ones. Any other row would print negative or meaningless hours, so it stops the load with its line.
struct CatalogMinutesTests {
    static func row(_ id: String, manual: String, residual: String, rework: String = "") -> String {
        "\(id),申請書の入力,市民課,rpa,runs,\(manual),\(residual),\(rework),2024-04-01,,\(id)_入力"
    }

    @Test func residualMinutesAboveTheManualMinutesStopTheLoadWithTheLine() throws {
        let problems = try TaskCatalogLoaderTests.problems(FileVariant.utf8LF.encode([
            TaskCatalogLoaderTests.header,
            Self.row("T1", manual: "30", residual: "5"),
            Self.row("T2", manual: "30", residual: "40"),
            Self.row("T3", manual: "12.5", residual: "12.5"),
            Self.row("T4", manual: "0", residual: "0.5"),
        ]))
        #expect(problems.map(\.line) == [3, 5])
        #expect(problems.map(\.message) == [
            """
                residual_minutes_per_unit 40 is more than manual_minutes_per_unit 30: every unit would count as time lost; \
                the residual minutes are the part of the manual minutes that remains
                """,
            """
                residual_minutes_per_unit 0.5 is more than manual_minutes_per_unit 0: every unit would count as time lost; \
                the residual minutes are the part of the manual minutes that remains
                """,
        ])
    }

    @Test(arguments: [
        ("-5", "2", "", "manual_minutes_per_unit"), ("nan", "2", "", "manual_minutes_per_unit"), ("inf", "2", "", "manual_minutes_per_unit"),
        ("30", "-1", "", "residual_minutes_per_unit"), ("30", "NaN", "", "residual_minutes_per_unit"),
        ("30", "2", "-10", "rework_minutes_per_failure"), ("30", "2", "infinity", "rework_minutes_per_failure"),
    ])
    func negativeOrNonFiniteMinutesStopTheLoadNamingTheColumn(manual: String, residual: String, rework: String, column: String) throws {
        let problems = try TaskCatalogLoaderTests.problems(FileVariant.utf8LF.encode([
            TaskCatalogLoaderTests.header, Self.row("T1", manual: "30", residual: "5"), Self.row("T2", manual: manual, residual: residual, rework: rework),
        ]))
        #expect(problems.map(\.line) == [3])
        #expect(problems.first?.message.hasPrefix("column \(column) is not a non-negative number") == true, "\(problems)")
    }
}
