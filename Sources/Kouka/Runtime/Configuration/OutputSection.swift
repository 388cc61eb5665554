/// `output` as written: either the folder alone (`output = "reports"`), or an `[output]` table that also
/// says who may read the reports (`path`, `group`, `mode`).
struct OutputSection: Decodable {
    var path: String?
    var group: String?
    var mode: String?
    /// Keys of `[output]` that it does not take, reported like every other unknown key.
    var unknownKeys: [String] = []

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        do {
            path = try decoder.singleValueContainer().decode(String.self)
            return
        } catch DecodingError.typeMismatch {
            // Not the folder alone: an [output] table, read below.
        }
        let table: KeyedDecodingContainer<Key>
        do { table = try decoder.container(keyedBy: Key.self) } catch {
            // Most configurations give the folder alone: say that is what the key takes.
            throw DecodingError.typeMismatch(String.self, .init(codingPath: decoder.codingPath, debugDescription: "a folder, or an [output] table"))
        }
        for key in table.allKeys {
            switch key.stringValue {
            case "path": path = try table.decode(String.self, forKey: key)
            case "group": group = try table.decode(String.self, forKey: key)
            case "mode": mode = try table.decode(String.self, forKey: key)
            default: unknownKeys.append("output.\(key.stringValue)")
            }
        }
    }
}
