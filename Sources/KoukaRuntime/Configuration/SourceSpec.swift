import KoukaParsers

/// One `[[source]]` of the configuration: which files, in which format, read how.
public struct SourceSpec: Sendable {
    public var format: String
    /// A glob (`*`, `?`, `[…]`), absolute or relative to the configuration file's folder.
    public var pattern: String
    public var encoding: TextEncoding
    public var parser: any LogParser
}
