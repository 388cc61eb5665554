/// The log formats Kouka can read, by the identifier a configuration's `format` key names: the built-in ones,
/// and any a client registers.
///
/// ```swift
/// var formats = LogFormats.builtIn
/// try formats.register("acme-robot-log") { _ in AcmeRobotLogParser() }
/// let figures = try Kouka.measure(logs: [LogFile("acme.log", format: "acme-robot-log")], catalog: "catalog.csv",
///                                 fiscalYear: 2024, timeZone: TimeZone(identifier: "Asia/Tokyo")!, formats: formats)
/// ```
public struct LogFormats: Sendable {
    /// Makes a parser for one source, given the source's options (column names, values, task, department).
    /// Throw when the options cannot work: the configuration is then refused before anything is read.
    public typealias Make = @Sendable (SourceOptions) throws -> any LogParser

    private var makers: [String: FormatRegistry.Factory]

    /// The formats Kouka reads out of the box (UiPath, WinActor, Power Automate, the mapped CSV exports, the
    /// AI tools' logs).
    public static let builtIn = LogFormats(makers: FormatRegistry.factories)

    /// Every format identifier, sorted.
    public var identifiers: [String] { makers.keys.sorted() }

    /// Adds a format. Its parser is then used wherever a source names `format`: by `Kouka.measure`, by
    /// `Kouka.ingest` and by a configuration loaded with these formats.
    /// - Throws: `LogFormatError` when `format` is already a format, or is not made of lowercase letters,
    ///   digits and hyphens.
    public mutating func register(_ format: String, make: @escaping Make) throws(LogFormatError) {
        guard !format.isEmpty, format.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) else {
            throw LogFormatError(format: format, reason: "a format identifier is lowercase letters, digits and hyphens (such as acme-robot-log)")
        }
        guard makers[format] == nil else {
            throw LogFormatError(format: format, reason: "is already a format; choose another identifier")
        }
        makers[format] = Self.factory(wrapping: make)
    }

    /// A client's maker, its error given as a mapping error: the configuration names the source with it.
    private static func factory(wrapping make: @escaping Make) -> FormatRegistry.Factory {
        { (options: SourceOptions) throws(MappingError) -> any LogParser in
            do { return try make(options) } catch { throw MappingError("\(error)") }
        }
    }

    /// A parser of `format` for a source with `options`; the error says which format is unknown (naming the
    /// known ones) or why the options cannot work, for the caller to prefix with the source.
    package func parser(_ format: String, options: SourceOptions) throws(MappingError) -> any LogParser {
        guard let make = makers[format] else {
            throw MappingError("format \(format) is unknown; use one of \(identifiers.joined(separator: ", "))")
        }
        do { return try make(options) } catch { throw MappingError("format \(format): \(error.message)") }
    }
}

/// A format could not be registered.
public struct LogFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The identifier that was refused.
    public var format: String
    /// Why, and what to do instead.
    public var reason: String

    /// The identifier and the reason, in one line.
    public var description: String { "log format \(format): \(reason)" }
}
