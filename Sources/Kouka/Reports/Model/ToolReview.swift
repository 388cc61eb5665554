/// The evidence for the reviews the DX policy schedules (AI-OCRの更新検討, チャットボット対応業務の見直し…):
/// each tool's effect, cost and quality, the periods side by side, and a verdict from the rules in `[review]`.
package struct ToolReview: Sendable, Hashable, Codable {
    /// The periods compared, oldest first: the policy's fiscal years that have data (a yearly report), or the
    /// month and the fiscal year to date (a monthly report).
    package var columns: [String]
    /// The column the verdicts judge: the report's own period.
    package var judged: String
    package var sections: [ToolReviewSection]
}

/// One tool's review.
package struct ToolReviewSection: Sendable, Hashable, Codable {
    /// The system family (`ai-ocr`, `minutes`, `chatbot`, `translation`, `rpa`).
    package var system: String
    package var title: String
    package var tables: [ReviewTable]
    package var verdict: ReviewVerdict
}

/// A table of indicators: rows of figures under `columns`. A figure that is nil was not measured (the logs
/// do not give its denominator): shown as 未測定, never as 0.
package struct ReviewTable: Sendable, Hashable, Codable {
    /// A stable name, e.g. `ocr-overall`.
    package var id: String
    package var title: String
    package var columns: [String]
    package var rows: [ReviewRow]
    /// What the table's figures mean and how they are computed.
    package var note: String?
}

/// One indicator (or one form, category, robot task…) across the columns.
package struct ReviewRow: Sendable, Hashable, Codable {
    /// A stable name, e.g. `correction-rate`, or the form or task it is about.
    package var key: String
    package var label: String
    /// `%`, `時間`, `円/時間`, `分/枚`…; rates are fractions shown as percentages.
    package var unit: String
    package var values: [Double?]
    package var decimals: Int
}

/// The plain verdict of one tool, by the stated rules.
package struct ReviewVerdict: Sendable, Hashable, Codable {
    /// `continue` (継続), `improve` (改善要) or `review` (見直し).
    package var code: String
    package var label: String
    /// The figures that triggered the verdict, e.g. "項目修正率 12.0% > 上限 10.0%".
    package var reasons: [String]
    /// Every rule applied, with its threshold, and the rules that could not be applied (figure not measured).
    package var rules: [String]
    package var notApplied: [String]
}
