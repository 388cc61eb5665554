import KoukaParsers

/// One `[[source]]` of the configuration: which files, in which format, read how.
public struct SourceSpec: Sendable {
    public var format: String
    /// A glob (`*`, `?`, `[…]`), absolute or relative to the configuration file's folder.
    public var pattern: String
    public var encoding: TextEncoding
    public var parser: any LogParser
    /// `required = true`: a pattern that matches no file stops the run as a configuration error (64)
    /// instead of being a finding while the other sources are read.
    public var required = false
}
