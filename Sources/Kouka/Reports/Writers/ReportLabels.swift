
/// The Japanese label of every code a report shows (systems, units, the basis of a figure, why a name is
/// unmapped): the one mapping every writer for people uses, so the HTML, the Markdown and the workbook name
/// a thing alike. A code no label is known for is shown as it is, never dropped.
enum ReportLabels {
    /// `ai-ocr` → AI-OCR.
    static func system(_ code: String) -> String { SystemFamily(rawValue: code)?.japaneseLabel ?? code }

    /// `sheets` → 枚.
    static func unit(_ code: String) -> String { EffectUnit(rawValue: code)?.japaneseLabel ?? code }

    /// The unit a catalog row's minutes are per: `1,000文字` for characters, whose baselines are per 1,000
    /// (`EffectUnit.quantityPerCatalogUnit`), so that an auditor multiplying characters by the row's minutes is not
    /// off by a thousand; the unit's label for every other.
    static func catalogUnit(_ code: String) -> String {
        guard let unit = EffectUnit(rawValue: code) else { return code }
        return unit.quantityPerCatalogUnit == 1 ? unit.japaneseLabel : "\(NumberText.grouped(unit.quantityPerCatalogUnit, decimals: 0))\(unit.japaneseLabel)"
    }

    /// `partly-measured` → 一部実測.
    static func basis(_ code: String) -> String {
        switch code {
        case "measured": "実測"
        case "partly-measured": "一部実測"
        case "estimate": "推計"
        default: code
        }
    }

    /// `no-catalog-row` → カタログに該当行なし.
    static func unmappedReason(_ code: String) -> String {
        switch UnmappedReason(rawValue: code) {
        case .noCatalogRow: "カタログに該当行なし"
        case .beforeValidFrom: "適用開始日より前"
        case .noLongerMatched: "新しい行で対象外になった名前"
        case .beforeValidFromAndNoLongerMatched: "適用開始日より前・新しい行で対象外"
        case nil: code
        }
    }

    /// Whether a quantity of `unit` is shown without decimals in the workbook: a count always, another quantity when it is
    /// whole — as the Markdown shows it (`NumberText.quantity`; helper-191 #3: 2,000 characters were 2,000.00).
    static func showsWhole(_ value: Double, unit code: String) -> Bool {
        isCount(unit: code) || value == value.rounded()
    }

    /// Whether a unit's quantities are whole counts (runs, items, sheets, inquiries), shown without decimals;
    /// audio minutes and characters may have fractions.
    static func isCount(unit code: String) -> Bool {
        switch EffectUnit(rawValue: code) {
        case .runs, .items, .sheets, .inquiries: true
        case .audioMinutes, .characters, nil: false
        }
    }
}
