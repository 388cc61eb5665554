/// The name of a robot's log of one day: a date (`YYYY-MM-DD`) somewhere in the file's name, with what comes before and
/// after it, as a robot writes `2024-05-09_Execution.log` and a city that gathers several robots' logs in one folder
/// may name them `RPA-SV01_2024-05-09_Execution.log`. The same robot's log of another day has the same name with
/// another date.
struct DatedLogName {
    /// Up to and including the last "/" (empty for a bare name).
    let folder: Substring
    /// The name before the date.
    let prefix: Substring
    let date: LocalDate
    /// The name after the date.
    let rest: Substring

    /// The first date in the name that no digit touches; nil when there is none.
    init?(_ path: String) {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let name = path[slash...]
        var start = name.startIndex
        while let end = name.index(start, offsetBy: 10, limitedBy: name.endIndex) {
            let before = start == name.startIndex ? nil : name[name.index(before: start)]
            let after = end == name.endIndex ? nil : name[end]
            if !(before?.isASCIIDigit ?? false), !(after?.isASCIIDigit ?? false), let date = LocalDate(name[start..<end]) {
                folder = path[..<slash]
                prefix = name[..<start]
                self.date = date
                rest = name[end...]
                return
            }
            start = name.index(after: start)
        }
        return nil
    }

    /// The path of the same robot's log of `date`, there or not.
    func path(on date: LocalDate) -> String { "\(folder)\(prefix)\(date.description)\(rest)" }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
