/// What one unit of a tool's work is; the catalog's minutes are per unit (per 1,000 for characters).
public enum EffectUnit: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case runs
    case items
    case sheets
    case audioMinutes = "audio-minutes"
    case inquiries
    case characters

    /// How many of the event's quantity one catalog "unit" stands for: translation baselines are per
    /// 1,000 source characters, every other baseline is per single unit.
    public var quantityPerCatalogUnit: Double { self == .characters ? 1000 : 1 }

    /// The label shown in Japanese reports.
    public var japaneseLabel: String {
        switch self {
        case .runs: "回"
        case .items: "件"
        case .sheets: "枚"
        case .audioMinutes: "音声分"
        case .inquiries: "問い合わせ"
        case .characters: "文字"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        declared.firstIndex(of: lhs)! < declared.firstIndex(of: rhs)!
    }

    /// `allCases` builds a new array on every call; sorting rollups compares these a million times.
    static let declared = allCases
}
