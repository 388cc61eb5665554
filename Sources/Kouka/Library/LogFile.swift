import Foundation

/// One log file and how to read it: its format, the source's options and its text encoding.
public struct LogFile: Sendable, Hashable {
    /// The file's path, absolute or relative to the current directory.
    public var path: String
    /// A format identifier of `LogFormats`, such as `uipath-execution-log`.
    public var format: String
    /// Column names, values, task and department, for the formats that read them (the mapped CSV exports).
    public var options: SourceOptions
    /// The file's text encoding; `.auto` tells UTF-8 (or UTF-16 with a BOM) from Shift_JIS.
    public var encoding: TextEncoding

    /// A log file in `format`.
    public init(_ path: String, format: String, options: SourceOptions = SourceOptions(), encoding: TextEncoding = .auto) {
        self.path = path
        self.format = format
        self.options = options
        self.encoding = encoding
    }

    /// Every file the sources of the configuration at `configuration` name, with each source's format,
    /// options and encoding, in the order the nightly job reads them.
    /// - Throws: `ConfigurationError` when the configuration cannot be used, or any source matches no file:
    ///   figures measured without it would lack that source's logs and not say so.
    public static func all(inConfiguration configuration: String, formats: LogFormats = .builtIn) throws(ConfigurationError) -> [LogFile] {
        let loaded = try Configuration.load(path: configuration, formats: formats)
        let matches = try SourceMatches.expand(loaded)
        guard matches.missing.isEmpty else {
            let list = matches.missing.map { "\($0.path) (\($0.reason))" }.joined(separator: "; ")
            throw ConfigurationError(path: configuration, message: "source path(s) match no file: \(list); fix the path or leave the source out")
        }
        return matches.files.map {
            LogFile($0.path, format: $0.spec.format, options: $0.spec.options, encoding: $0.spec.encoding)
        }
    }

    /// The file as a source pattern: glob's special characters escaped, so the path names this file only.
    var literalPattern: String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var escaped = ""
        for character in absolute {
            if "\\*?[".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
