import Foundation

/// The spellings departments write in the catalog's `system` and `unit` columns: the identifiers, their
/// singular forms, tool names and the Japanese counters, so a catalog kept in Excel need not be exact.
extension SystemFamily {
    init?(catalogText text: String) {
        let key = String(text.compatibilityNormalized.trimmingSpaces().lowercased().map { $0 == "_" ? "-" : $0 })
        if let value = SystemFamily(rawValue: key) { self = value; return }
        switch key {
        case "uipath", "winactor", "power-automate", "power automate", "pad", "bizrobo", "bizrobo!", "blue prism", "blueprism",
             "automation anywhere", "robot":
            self = .rpa
        case "aiocr", "ocr", "ai-ocr", "dx suite", "tegaki": self = .aiOCR
        case "議事録", "議事録作成支援", "minutes-drafting", "transcription": self = .minutes
        case "チャットボット", "bot", "faq": self = .chatbot
        case "翻訳", "ai翻訳", "ai自動翻訳", "machine-translation", "mt", "deepl": self = .translation
        default: return nil
        }
    }
}

extension EffectUnit {
    init?(catalogText text: String) {
        let key = String(text.compatibilityNormalized.trimmingSpaces().lowercased().map { $0 == "_" ? "-" : $0 })
        if let value = EffectUnit(rawValue: key) { self = value; return }
        switch key {
        case "run", "回", "件(実行)": self = .runs
        case "item", "件", "transactions", "transaction": self = .items
        case "sheet", "枚", "pages", "page": self = .sheets
        case "audio-minute", "minutes", "minute", "音声分", "分": self = .audioMinutes
        case "inquiry", "問い合わせ", "問合せ", "answers": self = .inquiries
        case "character", "chars", "文字", "1000-characters", "kchars": self = .characters
        default: return nil
        }
    }
}
