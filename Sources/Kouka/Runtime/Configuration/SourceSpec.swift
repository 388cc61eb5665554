import Foundation

/// One `[[source]]` of the configuration: which files, in which format, read how.
///
/// Each file a source matches carries its source through the nightly run (a city's sources match tens of
/// thousands of files), so a copy is one reference: the fields live in an immutable box, and changing one makes
/// a new box. Copied field by field, a source took eleven retains and releases per copy, a tenth of a no-op run.
package struct SourceSpec: Sendable {
    private final class Fields: Sendable {
        let format: String
        let pattern: String
        let encoding: TextEncoding
        let options: SourceOptions
        let parser: any LogParser
        let required: Bool
        let settingsText: String?
        let readsTranscripts: Bool

        init(format: String, pattern: String, encoding: TextEncoding, options: SourceOptions, parser: any LogParser, required: Bool,
             settingsText: String?) {
            self.format = format
            self.pattern = pattern
            self.encoding = encoding
            self.options = options
            self.parser = parser
            self.required = required
            self.settingsText = settingsText
            readsTranscripts = format == TranscriptParser.format
        }

        func with(format: String? = nil, pattern: String? = nil, parser: (any LogParser)? = nil, required: Bool? = nil) -> Fields {
            Fields(format: format ?? self.format, pattern: pattern ?? self.pattern, encoding: encoding, options: options,
                   parser: parser ?? self.parser, required: required ?? self.required, settingsText: settingsText)
        }
    }

    private var fields: Fields

    /// The same for every copy of this source and different for any source made or changed apart from it: what a value
    /// worked out once for each source is kept under.
    package var identity: ObjectIdentifier { ObjectIdentifier(fields) }

    package var format: String {
        get { fields.format }
        set { fields = fields.with(format: newValue) }
    }
    /// A glob (`*`, `?`, `[…]`), absolute or relative to the configuration file's folder.
    package var pattern: String {
        get { fields.pattern }
        set { fields = fields.with(pattern: newValue) }
    }
    package var encoding: TextEncoding { fields.encoding }
    /// The source's options, from which `parser` was made.
    package var options: SourceOptions { fields.options }
    package var parser: any LogParser {
        get { fields.parser }
        set { fields = fields.with(parser: newValue) }
    }
    /// `required = true`: a pattern that matches no file stops the run as a configuration error (64)
    /// instead of being a finding while the other sources are read.
    package var required: Bool {
        get { fields.required }
        set { fields = fields.with(required: newValue) }
    }
    /// What of the source decides what its files count beside its format and zones (`SourceSpec.settings(encoding:options:)`),
    /// worked out once: the nightly run compares it with every file's ledger line.
    package var settingsText: String? { fields.settingsText }
    /// Whether the source is of minutes transcripts, worked out once: the nightly run asks it of every file it looks at.
    var readsTranscripts: Bool { fields.readsTranscripts }

    package init(format: String, pattern: String, encoding: TextEncoding, options: SourceOptions, parser: any LogParser, required: Bool = false,
                 pendingMaxAge: TimeInterval = SourceSpec.defaultPendingMaxAge) {
        fields = Fields(format: format, pattern: pattern, encoding: encoding, options: options, parser: parser, required: required,
                        settingsText: Self.settings(encoding: encoding, options: options, pendingMaxAge: pendingMaxAge))
    }
}
