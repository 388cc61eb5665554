import TOMLKit

/// Explains why the TOML decoder refused the configuration: the key as a path (`targets.2025.rpa_hours`,
/// `source #2.encoding`) and, for a value of the wrong type, the type the key takes and the value found.
///
/// TOMLKit reports a value of the wrong type as a missing key (`timezone = 9` would read "missing key
/// timezone"), so the file's own table is looked at to tell the two apart.
enum ConfigurationKeyProblem {
    static func message(for error: DecodingError, in table: TOMLTable) -> String {
        let path: [any CodingKey], context: DecodingError.Context, expected: String?
        switch error {
        case let .keyNotFound(key, keyContext):
            // TOMLKit's path already ends with the key; a decoder following the standard library's habit leaves it out.
            let last = keyContext.codingPath.last
            path = last?.stringValue == key.stringValue && last?.intValue == key.intValue ? keyContext.codingPath : keyContext.codingPath + [key]
            context = keyContext
            expected = Self.expectedType(named: keyContext.debugDescription)
        case let .typeMismatch(type, mismatchContext), let .valueNotFound(type, mismatchContext):
            path = mismatchContext.codingPath
            context = mismatchContext
            expected = Self.expectedType(type)
        case let .dataCorrupted(corruptedContext):
            path = corruptedContext.codingPath
            context = corruptedContext
            expected = nil
        @unknown default:
            return "\(error)"
        }
        let name = Self.name(of: path)
        guard let found = Self.value(at: path, in: table) else { return "missing key \(name); add it (see docs/configuration.md or man 5 kouka.toml)" }
        guard let expected else { return "key \(name) has the wrong type (\(Self.describe(found))): \(context.debugDescription)" }
        return "key \(name) must be \(expected), not \(Self.describe(found))"
    }

    /// `targets.2025.rpa_hours`; an array's element is numbered from 1 as a person counts them: `source #2.path`.
    private static func name(of path: [any CodingKey]) -> String {
        var name = ""
        for key in path {
            // An array's element has a key "Index n"; a table's key may also have an integer value (`2025`).
            if let index = key.intValue, key.stringValue.hasPrefix("Index ") {
                name += " #\(index + 1)"
            } else {
                name += (name.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return name
    }

    /// The value the file holds at `path`, nil when it holds none.
    private static func value(at path: [any CodingKey], in table: TOMLTable) -> (any TOMLValueConvertible)? {
        var current: any TOMLValueConvertible = table
        for key in path {
            if let array = current.array {
                guard let index = key.intValue, index >= 0, index < array.count else { return nil }
                current = array[index]
            } else if let table = current.table, let child = table[key.stringValue] {
                current = child
            } else {
                return nil
            }
        }
        return current
    }

    /// What a Swift type the configuration decodes into is, in the words of a TOML file.
    private static func expectedType(_ type: Any.Type) -> String? {
        switch type {
        case is String.Type: "a string in quotes"
        case is Int.Type: "a whole number"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is TOMLTable.Type: "a table"
        case is TOMLArray.Type: "an array"
        default: nil
        }
    }

    /// The type named in TOMLKit's message for a key it could not read as that type:
    /// `A "String" does not exist at "timezone" in the TOML table.`, `An array does not exist at …`.
    private static func expectedType(named message: String) -> String? {
        if message.hasPrefix("An array ") { return "an array" }
        let parts = message.split(separator: "\"", omittingEmptySubsequences: false)
        guard message.hasPrefix("A \""), parts.count > 1 else { return nil }
        switch parts[1] {
        case "String": return "a string in quotes"
        case "Int": return "a whole number"
        case "Double", "Float": return "a number"
        case "Bool": return "true or false"
        default: return nil
        }
    }

    /// `the integer 9`, `a table`: what the file holds, with the value when it is short.
    private static func describe(_ value: any TOMLValueConvertible) -> String {
        let text = value.debugDescription.prefix(40)
        switch value.type {
        case .table: return "a table"
        case .array: return "an array"
        case .string: return "the string \(text)"
        case .int: return "the integer \(text)"
        case .double: return "the number \(text)"
        case .bool: return "\(text)"
        case .date, .time, .dateTime: return "the date or time \(text)"
        }
    }
}
