import Foundation

/// What the configured sources' patterns match now: the files to read, in a fixed order, and the sources
/// that match nothing. One source that matches nothing (an unmounted share, a tool with no logs yet) is a
/// finding, not a reason to leave every other source unread; only a source marked `required = true` stops
/// the run, as a configuration error found before any work.
struct SourceMatches {
    /// A source pattern that matched no file, as the summary and the reports name it: the pattern (relative to
    /// the configuration's folder when inside it) and why.
    typealias Missing = NightlySummary.FileProblem

    var files: [(path: String, spec: SourceSpec)] = []
    var missing: [Missing] = []

    /// Expands every source of `configuration`; throws when a required source matches nothing.
    static func expand(_ configuration: Configuration) throws(ConfigurationError) -> SourceMatches {
        let base = DisplayPath.base(ofConfiguration: configuration.path)
        var matches = SourceMatches()
        var requiredEmpty: [String] = []
        for spec in configuration.sources {
            let found = FileGlob.expand(spec.pattern)
            // Each file with its source, copied once: a city's sources match tens of thousands.
            matches.files.reserveCapacity(matches.files.count + found.count)
            for path in found { matches.files.append((path, spec)) }
            guard found.isEmpty else { continue }
            if spec.required {
                requiredEmpty.append(spec.pattern)
            } else {
                matches.missing.append(Missing(path: DisplayPath.of(spec.pattern, base: base), reason: reason(spec.pattern)))
            }
        }
        guard requiredEmpty.isEmpty else {
            throw ConfigurationError(path: configuration.path, message: "required source path(s) match no file: \(requiredEmpty.joined(separator: ", ")); fix the path, mount the share, or set required = false to read the other sources without it")
        }
        return matches
    }

    /// Every source, required or not, whose pattern matches no file now: what a report states about them.
    static func missing(_ configuration: Configuration) -> [Missing] {
        let base = DisplayPath.base(ofConfiguration: configuration.path)
        return configuration.sources.filter { FileGlob.expand($0.pattern).isEmpty }
            .map { Missing(path: DisplayPath.of($0.pattern, base: base), reason: reason($0.pattern)) }
    }

    /// Why `pattern` matches nothing: its folder is missing (a share not mounted, a typo) or holds no such file.
    private static func reason(_ pattern: String) -> String {
        let components = pattern.split(separator: "/", omittingEmptySubsequences: false)
        let fixed = components.prefix { !$0.contains(where: { "*?[".contains($0) }) }
        let folder = fixed.count == components.count ? fixed.dropLast().joined(separator: "/") : fixed.joined(separator: "/")
        var isFolder: ObjCBool = false
        if !folder.isEmpty, !(FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue) {
            return "the folder \(folder) does not exist (a share not mounted, or a wrong path); the other sources were read"
        }
        return "no file matches the pattern; the other sources were read (set required = true if it must never be empty)"
    }
}
