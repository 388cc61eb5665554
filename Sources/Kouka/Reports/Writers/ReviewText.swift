/// How review figures read in every format: a rate as a percentage, a figure not measured as 未測定.
enum ReviewText {
    static let notMeasured = "未測定"

    static func value(_ value: Double?, row: ReviewRow) -> String {
        guard let value else { return notMeasured }
        if row.unit == "%" { return NumberText.grouped(value * 100, decimals: 1) + "%" }
        return NumberText.grouped(value, decimals: row.decimals)
    }

    /// The unit shown after a row's label, e.g. `（時間）`; none for a rate.
    static func label(_ row: ReviewRow) -> String { row.unit == "%" || row.unit.isEmpty ? row.label : "\(row.label)（\(row.unit)）" }

    static func verdictLine(_ v: ReviewVerdict) -> String {
        "判定: \(v.label)" + (v.reasons.isEmpty ? "" : "（" + v.reasons.joined(separator: "、") + "）")
    }
}
