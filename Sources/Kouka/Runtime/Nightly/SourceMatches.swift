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

    /// Each file once, with the last source that matches it, in that source's place (the ledger keeps one line a path),
    /// and the files more than one source matches, with the sources and the format each is read in. Two sources
    /// of one file are a configuration to fix: read twice it would be counted in one format and replaced by the other.
    static func once(_ files: [(path: String, spec: SourceSpec)], displays: [String], base: String)
        -> (files: [(path: String, spec: SourceSpec)], displays: [String], matchedTwice: [NightlySummary.FileProblem])
    {
        // Counted first, without copying a source for each of a city's tens of thousands of files: nearly always each
        // is matched once.
        var remaining: [String: Int] = [:]
        remaining.reserveCapacity(displays.count)
        for display in displays { remaining[display, default: 0] += 1 }
        guard remaining.count < displays.count else { return (files, displays, []) }
        var matchedBy: [String: [SourceSpec]] = [:]
        for (index, display) in displays.enumerated() where remaining[display]! > 1 { matchedBy[display, default: []].append(files[index].spec) }
        var keptFiles: [(path: String, spec: SourceSpec)] = [], keptDisplays: [String] = []
        var matchedTwice: [NightlySummary.FileProblem] = []
        for (index, display) in displays.enumerated() {
            remaining[display]! -= 1
            guard remaining[display] == 0 else { continue }
            keptFiles.append(files[index])
            keptDisplays.append(display)
            guard let specs = matchedBy[display], specs.count > 1 else { continue }
            let named = specs.map { "\(DisplayPath.of($0.pattern, base: base)) (\($0.format))" }.joined(separator: ", ")
            matchedTwice.append(.init(path: display, reason: "matched by \(specs.count) sources, \(named): read once, as the last one's \(specs.last!.format); make the sources' paths not overlap"))
        }
        return (keptFiles, keptDisplays, matchedTwice)
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
        // A file named but for the case of its letters (a share that ignores case, copied to Linux: TASKS_202612.CSV): the
        // pattern never matches it, and each export under that name would go unread with this finding alone (helper-190 #3).
        let otherCase = FileGlob.expand(ignoringCase(pattern))
        if !otherCase.isEmpty {
            let named = otherCase.prefix(3).map { ($0 as NSString).lastPathComponent }.joined(separator: ", ") + (otherCase.count > 3 ? ", …" : "")
            return "no file matches the pattern, but \(otherCase.count) file(s) match it but for the case of letters (\(named)): patterns are case-sensitive. Rename the files, or write the pattern to match them (a letter as [cC]); the other sources were read"
        }
        return "no file matches the pattern; the other sources were read (set required = true if it must never be empty)"
    }

    /// `pattern` with each letter outside a bracket expression made a bracket of both cases (`a*.csv` → `[aA]*.[cC][sS][vV]`).
    static func ignoringCase(_ pattern: String) -> String {
        var out = "", inBracket = false
        for character in pattern {
            if inBracket {
                out.append(character)
                if character == "]" { inBracket = false }
            } else if character == "[" {
                inBracket = true
                out.append(character)
            } else if character.isASCII, character.isLetter {
                out += "[\(character.lowercased())\(character.uppercased())]"
            } else {
                out.append(character)
            }
        }
        return out
    }
}
