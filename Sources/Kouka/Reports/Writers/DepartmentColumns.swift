
/// The department comparison's columns, the same in every format (HTML, workbook, CSV, Markdown): rank,
/// department, hours, hours by each system some department used, the year before and the change, yen saved
/// when `[money]` is set, and the number of tasks. Only hours are compared across systems; counts in
/// different units stay in the breakdown by system and unit.
struct DepartmentColumns {
    /// The systems with hours in some department, in the declared order.
    let families: [SystemFamily]
    let showsYen: Bool

    init(_ report: YearReport) {
        families = SystemFamily.allCases.filter { family in report.departments.contains { ($0.hoursBySystem[family.rawValue] ?? 0) != 0 } }
        showsYen = report.money != nil
    }

    /// One cell's kind, so each format can print it its way (grouped, plain, as a number).
    enum Value {
        case count(Int)
        case text(String)
        case hours(Double?)
        /// A change, shown with its sign.
        case change(Double?)
        case yen(Double?)
    }

    var titles: [String] {
        ["順位", "担当課", "削減時間（時間）"] + families.map { "\($0.japaneseLabel)（時間）" } + ["前年同期（時間）", "増減（時間）"]
            + (showsYen ? ["削減額（円）"] : []) + ["業務数"]
    }

    /// Which columns hold numbers (right-aligned), in `titles` order.
    var isNumeric: [Bool] {
        [true, false, true] + families.map { _ in true } + [true, true] + (showsYen ? [true] : []) + [true]
    }

    func values(_ d: DepartmentLine) -> [Value] {
        [.count(d.rank), .text(d.department), .hours(d.hoursSaved)] + families.map { .hours(d.hoursBySystem[$0.rawValue] ?? 0) }
            + [.hours(d.previousYearHours), .change(d.change)] + (showsYen ? [.yen(d.savedYen)] : []) + [.count(d.tasks)]
    }

    /// A value as people read it: separators, a sign on changes, — when there is none.
    static func display(_ value: Value) -> String {
        switch value {
        case let .count(n): NumberText.count(n)
        case let .text(t): t
        case let .hours(h): h.map { NumberText.grouped($0) } ?? "—"
        case let .change(c): c.map { ($0 > 0 ? "+" : "") + NumberText.grouped($0) } ?? "—"
        case let .yen(y): y.map { NumberText.grouped($0, decimals: 0) } ?? "—"
        }
    }

    /// Whether the value is a number (right-aligned).
    static func isNumber(_ value: Value) -> Bool {
        if case .text = value { return false }
        return true
    }
}

extension DepartmentColumns {
    /// Which days of the year before 前年同期 compares, for a period under way (`previousYearThrough`); nil for the whole period
    /// before. Said under the table in every format that has room for a note.
    static func previousYearNote(_ report: YearReport) -> String? {
        guard let through = report.previousYearThrough.flatMap({ LocalDate($0) }), let from = LocalDate(report.from) else { return nil }
        // A fiscal year ahead (planned) has no day of its own yet, so none of the year before's is compared (helper-125: the note
        // read "from 2024-04-01 to 2023-11-14").
        guard through >= from.sameDayAYearEarlier else { return "期間がまだ始まっていないため、前年同期と比べる日はない。" }
        return "前年同期は \(from.sameDayAYearEarlier) から \(through) まで（期間の途中のため、同じ日までの前年と比べる）。"
    }
}
