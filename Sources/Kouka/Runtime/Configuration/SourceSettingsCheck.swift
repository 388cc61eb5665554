/// Whether the store counts its files as kouka.toml's sources read them now: what verification and a report written beside
/// other sets both need before they compare or restate figures.
enum SourceSettingsCheck {
    /// The files among the sources by display path, and the source each is read with: the last one that matches it, as
    /// `SourceMatches.once` has it.
    static func sourceFiles(_ configuration: Configuration) -> (files: [String: String], specs: [String: SourceSpec]) {
        let folder = DisplayPath.Folder(DisplayPath.base(ofConfiguration: configuration.path))
        var files: [String: String] = [:]
        var specs: [String: SourceSpec] = [:]
        for spec in configuration.sources {
            for path in FileGlob.expand(spec.pattern) {
                let display = folder.display(path)
                if files[display] == nil { files[display] = path }
                specs[display] = spec
            }
        }
        return (files, specs)
    }

    /// Refuses a store whose files were read with other settings of their source than kouka.toml gives now (or before
    /// Kouka kept them): they count what those settings gave, and the nightly run reads them again first. Read again by
    /// verification, they would differ as if the store had been changed behind Kouka's back; reported, they would state
    /// other figures of the very bytes a set lists (helper-108 #1). `action` is what the message says to run the night before.
    static func check(_ ledger: [SourceFileRecord], specs: [String: SourceSpec], configuration: Configuration, before action: String) throws {
        let zone = configuration.clock.zone.identifier
        let other = ledger.filter { line in
            guard line.status != .gone, line.status != .unreadable, let was = line.timeZone, let spec = specs[line.path] else { return false }
            let now = spec.readingText(zone: zone)
            return was != now && SourceSpec.zones(of: was) == SourceSpec.zones(of: now)
        }
        // A chatbot file whose answers were judged by other office hours than kouka.toml gives now: read again with these,
        // its off-hours answers would differ from the store's with nothing changed behind Kouka's back.
        let officeHours = configuration.officeHours.ledgerText
        if let judged = ledger.first(where: { $0.status != .gone && $0.status != .unreadable && specs[$0.path] != nil
                                                && IngestPlan.hasOtherOfficeHours($0, than: officeHours) }) {
            throw StoreAwaitsReading(path: configuration.path, message: """
                \(judged.path) (and any other chatbot file read since) was read with other [office_hours] than kouka.toml gives now: \
                run kouka-nightly, which reads such files again with these hours, before \(action)
                """)
        }
        guard let first = other.first else { return }
        throw StoreAwaitsReading(path: configuration.path, message: """
            \(other.count) file(s) in the store, \(first.path) among them, were read with other settings of their [[source]] (encoding, \
            columns, values, task, department, delimiter, the chatbot's lists or [nightly] pending_max_hours) than kouka.toml gives now, or before Kouka kept them: \
            run kouka-nightly, which reads them again with these settings, before \(action)
            """)
    }
}
