/// The names a report set lives under in the output folder: `FY2024` (or `2024-05`) for the set readers
/// see, and `.FY2024.staging-<pid>` for the one being written or the one just replaced.
enum ReportSetName {
    /// `FY<yyyy>`, `<yyyy>-<MM>` or `period-<yyyy>-<yyyy>`: a folder `kouka-report` writes.
    static func isReportFolder(_ name: String) -> Bool {
        let characters = Array(name)
        func digits(_ range: Range<Int>) -> Bool { characters[range].allSatisfy { $0.isASCII && $0.isNumber } }
        switch characters.count {
        case 6: return name.hasPrefix("FY") && digits(2..<6)
        case 7: return characters[4] == "-" && digits(0..<4) && digits(5..<7)
        case 16: return name.hasPrefix("period-") && digits(7..<11) && characters[11] == "-" && digits(12..<16)
        default: return false
        }
    }

    /// The staging folder this process writes the set `stem` into.
    static func staging(_ stem: String, pid: Int32) -> String { ".\(stem).staging-\(pid)" }

    /// Whether `name` is a staging folder of any set: what a run that was killed leaves behind.
    static func isStaging(_ name: String) -> Bool {
        guard name.hasPrefix("."), let marker = name.range(of: ".staging-") else { return false }
        let stem = name[name.index(after: name.startIndex)..<marker.lowerBound]
        let pid = name[marker.upperBound...]
        return isReportFolder(String(stem)) && !pid.isEmpty && pid.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Whether Kouka writes files named `name` into the report folder `stem`: the set's files, its manifest,
    /// and the temporaries of Kouka versions that wrote each file in place. Anything else there is
    /// someone's, and replacing the folder would delete it.
    static func isKoukas(_ name: String, stem: String) -> Bool {
        name == ReportManifest.fileName || name.hasPrefix("kouka-\(stem).") || name.hasPrefix("kouka-\(stem)-")
            || name.hasPrefix(".kouka-\(stem).") || name.hasPrefix(".kouka-\(stem)-")
    }
}
