import Foundation

/// One translation request, from a CSV row or a JSON object alike, already mapped by role.
struct TranslationRecord {
    /// What the log's status says of the request (a success when the source maps no status).
    var outcome: Outcome
    var time: String
    var characters: String
    var department: String
    var task: String
    var postEditMinutes: String
    /// The languages translated from and into ("" when the log does not say); kept as a pair for the tool review.
    var sourceLanguage = ""
    var targetLanguage = ""

    /// When the request was made, from its time column's text.
    static func instant(of time: String, clock: LocalClock) throws(RowProblem) -> Date {
        guard let stamp = Timestamp(time) else { throw RowProblem("the request time is missing or not a date-time") }
        return stamp.instant(in: clock)
    }

    func event(line: Int, context: ParseContext, options: SourceOptions) throws(RowProblem) -> UsageEvent {
        let occurredAt = try Self.instant(of: time, clock: context.clock)
        guard let count = DecimalText.wholeCount(characters), count >= 0, count <= CSVRow.largestPlausible else {
            throw RowProblem("the character count is missing or not a plausible whole number (a comma may only group thousands: 1,000; 12.500 could be "
                + "twelve and a half or twelve thousand five hundred): export it again with the count written as digits alone")
        }
        var postEdit: Double? = nil
        if !postEditMinutes.isEmpty {
            guard let minutes = DecimalText.plainNumber(postEditMinutes), minutes.isFinite, minutes >= 0, minutes <= CSVRow.largestPlausible else {
                throw RowProblem("the post-editing minutes are not a plausible number written as digits (E notation, 1.23E+03, keeps only the digits a spreadsheet showed)")
            }
            postEdit = minutes
        }
        var event = UsageEvent(
            family: .translation, occurredAt: occurredAt, taskName: task.isEmpty ? (options.task ?? "AI翻訳") : task,
            department: department.isEmpty ? options.department : department, outcome: outcome, quantity: count,
            unit: .characters, humanSeconds: postEdit.map { $0 * 60 }, source: context.location(line))
        // A pair with one side unknown, or not a language code (free text in the column), is no pair: its characters
        // stay out of the by-pair figures, and no text of the log is kept.
        if let from = Self.languageCode(sourceLanguage), let to = Self.languageCode(targetLanguage) {
            event.quality = [.pairCharacters("\(from)>\(to)"): count]
        }
        return event
    }

    /// `ja`, `en-US`, `zh-Hant`, `PT-BR` lowercased; nil for anything that is not a language tag of ASCII letters,
    /// digits and hyphens of at most 16 characters.
    static func languageCode(_ text: String) -> String? {
        let code = text.trimmingSpaces()
        guard (2...16).contains(code.count), code.first!.isLetter,
              code.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_") }) else { return nil }
        return code.lowercased()
    }
}
