import Foundation

/// One `[[source]]` of the configuration: which files, in which format, read how.
package struct SourceSpec: Sendable {
    package var format: String
    /// A glob (`*`, `?`, `[…]`), absolute or relative to the configuration file's folder.
    package var pattern: String
    package let encoding: TextEncoding
    /// The source's options, from which `parser` was made.
    package let options: SourceOptions
    package var parser: any LogParser
    /// `required = true`: a pattern that matches no file stops the run as a configuration error (64)
    /// instead of being a finding while the other sources are read.
    package var required = false
    /// What of the source decides what its files count beside its format and zones (`SourceSpec.settings(encoding:options:)`),
    /// worked out once: the nightly run compares it with every file's ledger line.
    package let settingsText: String?

    package init(format: String, pattern: String, encoding: TextEncoding, options: SourceOptions, parser: any LogParser, required: Bool = false,
                 pendingMaxAge: TimeInterval = SourceSpec.defaultPendingMaxAge) {
        self.format = format
        self.pattern = pattern
        self.encoding = encoding
        self.options = options
        self.parser = parser
        self.required = required
        settingsText = Self.settings(encoding: encoding, options: options, pendingMaxAge: pendingMaxAge)
    }
}
