/// A count a log gives about the quality of a tool's work, kept beside a rollup's totals for the reviews
/// the DX policy schedules (AI-OCR correction rate, chatbot answer rate…). A measure a rollup does not
/// have was not measured: it is absent, never 0.
package enum QualityMeasure: Sendable, Hashable, Comparable {
    /// AI-OCR fields read, and of them corrected by a person, over the jobs whose log gives both.
    case fieldsRead, fieldsCorrected
    /// Chatbot inquiries whose log says whether they were answered, and of them those not answered.
    case answerMeasured, unanswered
    /// Chatbot inquiries whose log says whether a person took over, and of them those handed to a person.
    case escalationMeasured, escalated
    /// The sum and number of the ratings users gave (chatbot).
    case ratingSum, ratingCount
    /// Source characters translated from one language into another, e.g. `ja>en`.
    case pairCharacters(String)
    /// Successful AI uses that handled 0 units (an AI-OCR job of 0 sheets, an empty transcript, a translation of 0
    /// characters): not uses of the task towards `minimum_uses` (`AITaskCounter`). Absent on the rollups of files read
    /// before Kouka 0.4.5 kept it.
    case emptyUses

    /// The language pair of `pairCharacters`, nil for any other measure.
    package var languagePair: String? {
        guard case let .pairCharacters(pair) = self else { return nil }
        return pair
    }

    /// The name the store keeps the measure under.
    package var storedName: String {
        switch self {
        case .fieldsRead: "fields_read"
        case .fieldsCorrected: "fields_corrected"
        case .answerMeasured: "answer_measured"
        case .unanswered: "unanswered"
        case .escalationMeasured: "escalation_measured"
        case .escalated: "escalated"
        case .ratingSum: "rating_sum"
        case .ratingCount: "rating_count"
        case let .pairCharacters(pair): "pair_characters:\(pair)"
        case .emptyUses: "empty_uses"
        }
    }

    /// The measure stored under `storedName`; nil for a name this Kouka does not know.
    package init?(storedName: String) {
        let plain: [String: QualityMeasure] = [
            "fields_read": .fieldsRead, "fields_corrected": .fieldsCorrected, "answer_measured": .answerMeasured, "unanswered": .unanswered,
            "escalation_measured": .escalationMeasured, "escalated": .escalated, "rating_sum": .ratingSum, "rating_count": .ratingCount,
            "empty_uses": .emptyUses,
        ]
        if let measure = plain[storedName] {
            self = measure
        } else if storedName.hasPrefix("pair_characters:") {
            self = .pairCharacters(String(storedName.dropFirst("pair_characters:".count)))
        } else {
            return nil
        }
    }

    package static func < (a: Self, b: Self) -> Bool { a.storedName.utf8.lexicographicallyPrecedes(b.storedName.utf8) }
}
