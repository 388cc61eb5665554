/// The kind of tool that produced a usage event.
///
/// The raw values are the identifiers used in the task catalog's `system` column and in reports.
public enum SystemFamily: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Robotic process automation: UiPath, WinActor, Power Automate and robots' CSV exports.
    case rpa
    /// AI-OCR reading forms into data (sheets).
    case aiOCR = "ai-ocr"
    /// Meeting-minutes support: transcription of recorded audio (audio minutes).
    case minutes
    /// A chatbot answering citizens' inquiries (inquiries).
    case chatbot
    /// AI translation, such as DeepL (characters).
    case translation

    /// Whether the family counts towards the AI-supported tasks metric (everything but RPA).
    public var isAI: Bool { self != .rpa }

    /// The name shown to city staff in reports.
    public var japaneseLabel: String {
        switch self {
        case .rpa: "RPA"
        case .aiOCR: "AI-OCR"
        case .minutes: "議事録作成支援"
        case .chatbot: "チャットボット"
        case .translation: "AI自動翻訳"
        }
    }

    /// Orders families as they are declared, the order reports list them in.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        declared.firstIndex(of: lhs)! < declared.firstIndex(of: rhs)!
    }

    /// `allCases` builds a new array on every call; sorting rollups compares these a million times.
    static let declared = allCases
}
