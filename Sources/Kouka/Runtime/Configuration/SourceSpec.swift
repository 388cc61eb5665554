
/// One `[[source]]` of the configuration: which files, in which format, read how.
package struct SourceSpec: Sendable {
    package var format: String
    /// A glob (`*`, `?`, `[…]`), absolute or relative to the configuration file's folder.
    package var pattern: String
    package var encoding: TextEncoding
    /// The source's options, from which `parser` was made.
    package var options: SourceOptions
    package var parser: any LogParser
    /// `required = true`: a pattern that matches no file stops the run as a configuration error (64)
    /// instead of being a finding while the other sources are read.
    package var required = false
}
