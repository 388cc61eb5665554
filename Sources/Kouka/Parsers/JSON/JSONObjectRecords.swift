import Foundation

/// The records of a JSON log decoded one at a time as dictionaries, for formats whose keys are mapped in
/// the configuration.
enum JSONObjectRecords {
    /// Calls `body(object, line)` for each record, or `body(nil, line)` for a record that is not an object.
    static func read(path: String, context: ParseContext, format: String, _ body: ([String: Any]?, Int) throws -> Void) throws -> JSONPathReader.End {
        try JSONRecords.forEach(path: path, context: context, format: format) { json, line in
            // A record that does not parse is handed over as nil, like one that is not an object: the caller
            // rejects it with its line (the parser's message is not passed on: it may quote the record's text).
            let object: [String: Any]?
            do {
                object = try JSONSerialization.jsonObject(with: json) as? [String: Any]
            } catch {
                object = nil
            }
            try body(object, line)
        }
    }

    /// A field as text, whether the JSON has it as a string or a number.
    static func text(_ object: [String: Any], _ key: String?) -> String {
        guard let key, let value = object[key] else { return "" }
        if let string = value as? String { return string.trimmingSpaces() }
        if let number = value as? NSNumber { return number.stringValue }
        return ""
    }
}
