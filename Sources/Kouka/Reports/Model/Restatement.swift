
/// A report set made again over one whose period was settled when it was made (`PeriodSettling`), stating other figures: the figures a city may
/// have published and an auditor signed, restated. The new set says so, with each figure before and after, and keeps the
/// restatements of the sets before it, so that the last set of a period tells its whole history (helper-146 #2: FY2024's RPA
/// hours went from 3.27 to 1.87 after a catalog row was corrected, the set made again with exit 0 and not a word of it).
package struct Restatement: Sendable, Hashable, Codable {
    /// When the set replaced was made (its `generatedAt`), and by which Kouka.
    package var replacedGeneratedAt: String
    package var replacedKoukaVersion: String
    /// The last complete day the set replaced stated its figures as of: by then the period of each figure restated was
    /// settled (`PeriodSettling`).
    package var replacedAsOf: String
    /// Every figure that differs: the JSON and the workbook list them all, the Markdown and HTML `listed`.
    package var changes: [RestatedFigure]

    /// What the Markdown and HTML list: the first `RestatedFigure.listed` catalog rows' minutes, then the first as many
    /// figures — a catalog revised in many rows never pushes the restated hours out of the list (helper-186 #7).
    package var listed: [RestatedFigure] {
        Array(changes.filter(\.isCatalogRow).prefix(RestatedFigure.listed)) + Array(changes.filter { !$0.isCatalogRow }.prefix(RestatedFigure.listed))
    }

    package init(replacedGeneratedAt: String, replacedKoukaVersion: String, replacedAsOf: String, changes: [RestatedFigure]) {
        self.replacedGeneratedAt = replacedGeneratedAt
        self.replacedKoukaVersion = replacedKoukaVersion
        self.replacedAsOf = replacedAsOf
        self.changes = changes
    }

    /// What the report says of it, in Japanese, before the table of its figures.
    package var notice: String {
        let figures = changes.filter { !$0.isCatalogRow }.count
        // A row's minutes are up to three entries (manual, residual, rework): the rows are counted once each (helper-186 #6).
        let rows = Set(changes.filter(\.isCatalogRow).map(\.catalogRow)).count
        return "改訂: \(replacedGeneratedAt) に作成した報告（Kouka \(replacedKoukaVersion)、\(replacedAsOf) 現在）が示した確定済みの数値を改めた。"
            + "改めた数値 \(figures) 件"
            + (rows > 0 ? "、値の変わったカタログの行 \(rows) 行（初めに示す）" : "")
            + (listed.count < changes.count ? "（ここにはカタログの行と数値をそれぞれ \(RestatedFigure.listed) 件まで示す。全件は JSON の restatements と Excel の「改訂」シートにある）" : "")
            + "。公表・承認済みの数値であれば、改訂の理由（カタログの訂正、確定後に届いたログ、設定の変更、Kouka の更新など）を確認してください。"
    }
}

/// One figure of a restated set: its place in the report's JSON, its label as the reports show it, and its value in the set
/// replaced and in this one (nil where that set has no such line: a department or task that appears or disappears).
package struct RestatedFigure: Sendable, Hashable, Codable {
    /// The figure's place in the JSON, as `kouka-audit verify` names fields: `targets[rpa-hours].actual`,
    /// `departments[税務課].hoursSaved`, `tasks[T01|税務課|rpa|runs].hoursSaved`, `aiTasks[A1].counted` (1 counted, 0 not).
    package var field: String
    package var label: String
    package var before: Double?
    package var after: Double?

    /// A catalog row's minutes that the two sets used otherwise (`catalog.rows[task|validFrom].…`): the stated baseline the
    /// figures moved with, listed among them.
    package var isCatalogRow: Bool { field.hasPrefix("catalog.rows[") }

    /// The catalog row (`task|validFrom|unit`) a catalog row's entry is of; "" for a figure.
    package var catalogRow: String {
        guard isCatalogRow, let close = field.lastIndex(of: "]") else { return "" }
        return String(field[field.index(field.startIndex, offsetBy: "catalog.rows[".count)..<close])
    }

    /// How many figures the Markdown and HTML list of a restatement; a catalog corrected may move every task's line and month.
    package static let listed = 50

    /// The value as the reports show it: an AI task's yes or no, a count or yen whole, hours to 0.01; なし where the line is
    /// not there.
    package func text(_ value: Double?) -> String {
        guard let value else { return "なし" }
        if field.hasSuffix(".counted") { return value == 1 ? "数える" : "数えない" }
        return NumberText.grouped(value, decimals: decimals)
    }

    /// Decimals the figure is shown with: none for counts (AI-supported tasks, new systems) and yen.
    /// Judged by the field's last part and a target's metric: a task's or a department's name may hold any of these words.
    package var decimals: Int {
        let counts = ["targets[ai-tasks].", "targets[new-systems].", "yearToDate.targets[ai-tasks].", "yearToDate.targets[new-systems]."]
        return counts.contains { field.hasPrefix($0) } || [".aiTasks", ".newSystems", ".savedYen", ".licenceYen", ".netYen"].contains { field.hasSuffix($0) } ? 0 : 2
    }
}
