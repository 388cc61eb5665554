/// A target in `[targets.<year>]`: a number, or `"none"` to remove the policy's default for that year. A
/// key left out keeps its default, so a table that sets one target never drops the others.
enum TargetValue<Number: Decodable>: Decodable {
    case number(Number)
    case removed

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        do {
            self = .number(try container.decode(Number.self))
        } catch let numberError {
            // Not a number: the one string allowed is "none"; anything else is reported as the number it should be.
            let text: String
            do { text = try container.decode(String.self) } catch { throw numberError }
            guard text == "none" else { throw numberError }
            self = .removed
        }
    }
}
