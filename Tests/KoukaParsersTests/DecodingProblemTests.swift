import Foundation
import Testing
@testable import Kouka

/// A record that does not decode is rejected with the key at fault, never with the value it holds (a citizen's words).
struct DecodingProblemTests {
    struct Activity: Decodable {
        struct Party: Decodable { var role: String? }
        var type: String
        var from: Party?
    }

    static func problem(_ json: String) -> String {
        do {
            _ = try JSONDecoder().decode(Activity.self, from: Data(json.utf8))
            return "decoded"
        } catch {
            return DecodingProblem.describe(error)
        }
    }

    @Test func theKeyIsNamedAndTheValueNever() {
        #expect(Self.problem(#"{"from":{"role":"user"}}"#) == "no type")
        #expect(Self.problem(#"{"type":"message","from":{"role":42}}"#) == "from.role has another type")
        #expect(Self.problem(#"{"type":null}"#) == "type is null")
        #expect(Self.problem(#"{"type":"住民票の取り方を教えて"#) == "not valid JSON")
        let secret = Self.problem(#"{"type":["住民票の取り方を教えて"]}"#)
        #expect(secret == "type has another type")
        #expect(!secret.contains("住民票"))
    }
}
