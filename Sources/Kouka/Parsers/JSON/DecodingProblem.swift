/// Why a JSON record did not decode, told by its keys, never by its values: chatbot and transcript logs hold
/// citizens' words, which a decoder's own message may quote.
enum DecodingProblem {
    /// `"no conversation.id"`, `"from.role has another type"`, `"timestamp is null"`, `"not valid JSON"`.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "not readable" }
        func path(_ keys: [any CodingKey]) -> String {
            keys.isEmpty ? "the record" : keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case let .keyNotFound(key, context): return "no \(path(context.codingPath + [key]))"
        case let .typeMismatch(_, context): return "\(path(context.codingPath)) has another type"
        case let .valueNotFound(_, context): return "\(path(context.codingPath)) is null"
        case let .dataCorrupted(context): return context.codingPath.isEmpty ? "not valid JSON" : "\(path(context.codingPath)) is not readable"
        @unknown default: return "not readable"
        }
    }
}
