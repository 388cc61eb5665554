/// What one unit of a tool's work is; the catalog's minutes are per unit (per 1,000 for characters).
public enum EffectUnit: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// One run, job or use of the tool (回).
    case runs
    /// One item a run handled, such as a queue transaction or a form (件).
    case items
    /// One sheet an AI-OCR read (枚).
    case sheets
    /// One minute of recorded audio transcribed (音声分).
    case audioMinutes = "audio-minutes"
    /// One inquiry a chatbot answered (問い合わせ).
    case inquiries
    /// One source character translated; the catalog's minutes are per 1,000 of them (文字).
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

    /// Orders units as they are declared, the order reports list them in.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        declared.firstIndex(of: lhs)! < declared.firstIndex(of: rhs)!
    }

    /// `allCases` builds a new array on every call; sorting rollups compares these a million times.
    static let declared = allCases
}
