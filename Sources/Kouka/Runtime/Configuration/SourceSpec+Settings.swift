import Foundation

extension SourceSpec {
    /// What of the source, beside its format and time zones, decides what its files count — its encoding, columns,
    /// values, task, department, the chatbot's lists and threshold, its delimiter, and `pending_max_hours` when it is
    /// not the default — as the ledger keeps it with each file read (`settings` and the first 16 hex digits of their
    /// SHA-256), so that a file is read again once they change. Nil for a source that states none of them.
    static func settings(encoding: TextEncoding, options: SourceOptions, pendingMaxAge: TimeInterval) -> String? {
        let defaults = SourceOptions()
        var parts: [String] = []
        if encoding != .auto { parts.append("encoding=\(encoding.rawValue)") }
        for role in options.columns.keys.sorted() { parts.append("columns.\(role)=\(options.columns[role]!)") }
        // A list's order decides nothing.
        for list in options.values.keys.sorted() { parts.append("values.\(list)=\(options.values[list]!.sorted().joined(separator: "\u{1F}"))") }
        if let task = options.task { parts.append("task=\(task)") }
        if let department = options.department { parts.append("department=\(department)") }
        if options.fallbackIntents.sorted() != defaults.fallbackIntents.sorted() {
            parts.append("fallback_intents=\(options.fallbackIntents.sorted().joined(separator: "\u{1F}"))")
        }
        if options.minimumConfidence != defaults.minimumConfidence { parts.append("minimum_confidence=\(options.minimumConfidence)") }
        if options.handoffNames.sorted() != defaults.handoffNames.sorted() {
            parts.append("handoff_names=\(options.handoffNames.sorted().joined(separator: "\u{1F}"))")
        }
        if let delimiter = options.delimiter { parts.append("delimiter=\(delimiter)") }
        // A run counted unfinished past the old limit would wait under a longer one: the file is read with the new one.
        // The default adds nothing, so that stores read before Kouka kept it are not read again for it.
        if pendingMaxAge != Self.defaultPendingMaxAge { parts.append("pending_max_hours=\(pendingMaxAge / 3600)") }
        guard !parts.isEmpty else { return nil }
        var hasher = SHA256()
        Array(parts.joined(separator: "\n").utf8).withUnsafeBytes { hasher.update($0) }
        return "settings " + hasher.finalizeHex().prefix(16)
    }

    /// How a file of this source is read, as the ledger's `time_zone` keeps it: the configuration's `zone`, which dates
    /// its runs, the source's own zone for times without an offset when it names one, and its settings when it states
    /// any (`Asia/Tokyo; source UTC; settings 0123…`). A file read otherwise is read again.
    package func readingText(zone: String) -> String {
        let zones = options.timeZone.map { "\(zone); source \($0.identifier)" } ?? zone
        return settingsText.map { zones + Self.settingsMark + $0.dropFirst("settings ".count) } ?? zones
    }

    /// `[nightly] pending_max_hours` when kouka.toml leaves it out: 24 hours.
    package static let defaultPendingMaxAge: TimeInterval = 24 * 3600

    /// What comes before the settings in a ledger's `time_zone` text.
    package static let settingsMark = "; settings "

    /// The zones of a ledger's `time_zone` text, without the source's settings.
    package static func zones(of text: String) -> Substring {
        text.range(of: settingsMark).map { text[..<$0.lowerBound] } ?? text[...]
    }
}
