import Foundation

/// Whether a report set could have been written by the Kouka version it states, at the time it states: a version refuses
/// a store its successor migrated (`StoreError.newerSchema`), so from the time a later version first read the store, no
/// earlier one could make a report from it. A set labelled with an earlier version, made after, was relabelled so that
/// verify would take its files by that version's rules (helper-100 #2).
enum WrittenReportVersion {
    /// Whether a set's `generatedAt` is a time as kouka-report writes it: a date and a time with its offset (ISO 8601,
    /// seconds or their fractions). A bare date reads as its midnight, which no set states.
    static func statesATime(_ generatedAt: String) -> Bool {
        Timestamp(generatedAt) != nil && generatedAt.contains("T")
            && (generatedAt.hasSuffix("Z") || generatedAt.range(of: #"[+-][0-9]{2}:?[0-9]{2}$"#, options: .regularExpression) != nil)
    }

    /// The earliest version that could read the store at `generatedAt`, when the set's `stated` version is before it; nil
    /// when the set's version is possible (or its time cannot be read, which other checks name).
    static func required(stated: String, generatedAt: String, readBySince: [(version: String, at: Double)], clock: LocalClock) -> String? {
        guard let made = Timestamp(generatedAt)?.instant(in: clock).timeIntervalSince1970 else { return nil }
        // The latest version that had read the store by then; a set states the second it was made, so a version that began
        // within that second is taken as before it.
        let reading = readBySince.filter { $0.at.rounded(.down) <= made }.max { KoukaVersion.isBefore($0.version, $1.version) }
        guard let reading, KoukaVersion.isBefore(stated, reading.version) else { return nil }
        return reading.version
    }
}
