/// The day a file's name gives, for formats whose records carry none (a transcript, a DeepL usage snapshot).
///
/// Read, leftmost first: `2024-07-19`, `2024_7_19` or `2024.7.19` (month and day of one or two digits, the day not followed by a digit:
/// `2024-7-19` is the 19th, not the 1st, helper-88), `20240719` (alone or opening `yyyyMMddHHmm` or `yyyyMMddHHmmss`),
/// `2025年3月24日`, `令和7年3月24日` and `平成31年4月30日` (元年 too; a day outside its era is none), `令和7.3.24`, `R7.3.24` and
/// `H31.4.30`. Full-width digits read as digits. A year before 2000 is no date.
enum FileNameDate {
    /// The eras a city's file names are written in since 2000: 平成 to 30 April 2019, 令和 from 1 May 2019.
    private static let eras: [(name: [Character], yearBefore: Int, first: LocalDate, last: LocalDate)] = [
        (["令", "和"], 2018, LocalDate(year: 2019, month: 5, day: 1), LocalDate(year: 9999, month: 12, day: 31)),
        (["平", "成"], 1988, LocalDate(year: 1989, month: 1, day: 8), LocalDate(year: 2019, month: 4, day: 30)),
    ]

    static func day(in name: String) -> LocalDate? {
        let characters: [Character] = name.map { character in
            guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1, (0xFF10...0xFF19).contains(scalar.value),
                  let ascii = Unicode.Scalar(scalar.value - 0xFF10 + 0x30) else { return character }
            return Character(ascii)
        }
        // A version's form (`R2.1.3版`) is a day only where the name holds no other (helper-143: `議事録_R7.3.28版` is that day's).
        for versions in [false, true] {
            for start in characters.indices {
                if let day = day(in: characters, at: start, versionsAsDays: versions) { return day }
            }
        }
        return nil
    }

    private static func day(in text: [Character], at start: Int, versionsAsDays: Bool) -> LocalDate? {
        func isDigit(_ index: Int) -> Bool { index < text.count && text[index].isASCII && text[index].isNumber }
        // The digits from `index` on, at most `limit` of them, and where they end.
        func number(from index: Int, limit: Int) -> (value: Int, end: Int)? {
            var end = index, value = 0
            while end < text.count, end - index < limit, isDigit(end) {
                value = value * 10 + Int(String(text[end]))!
                end += 1
            }
            return end == index ? nil : (value, end)
        }
        func valid(_ year: Int, _ month: Int, _ day: Int) -> LocalDate? {
            guard year >= 2000, (1...12).contains(month), day >= 1, day <= LocalDate.daysIn(month: month, year: year) else { return nil }
            return LocalDate(year: year, month: month, day: day)
        }
        // M月D日 after a year and its 年.
        func japanese(after index: Int, year: Int) -> LocalDate? {
            guard index < text.count, text[index] == "年", let (month, afterMonth) = number(from: index + 1, limit: 2), afterMonth < text.count,
                  text[afterMonth] == "月", let (day, afterDay) = number(from: afterMonth + 1, limit: 2), !isDigit(afterDay) else { return nil }
            return valid(year, month, day)
        }
        // M and D after a year and one of `.-_`, the same between month and day: 2025.3.27, R7.3.28.
        // `version`: the form is a version's (`R2.1.3版`, `R2.1.3.4`) where 版 or another dotted number follows it, which an era's
        // initial cannot tell from a day (helper-138), where a later date may be the file's own (helper-142: R7.3.28 of a
        // meeting, before a tool's processing time 20250402_1015).
        func separated(after index: Int, year: Int, version: Bool = false) -> LocalDate? {
            guard index < text.count, [".", "-", "_"].contains(text[index]), let (month, afterMonth) = number(from: index + 1, limit: 2),
                  afterMonth < text.count, text[afterMonth] == text[index], let (day, afterDay) = number(from: afterMonth + 1, limit: 2),
                  !isDigit(afterDay) else { return nil }
            if version, afterDay < text.count, text[afterDay] == "版" || (text[afterDay] == "." && isDigit(afterDay + 1)) { return nil }
            return valid(year, month, day)
        }
        // 令和N年M月D日 or 平成N年M月D日 (元年 is an era's first year): a day outside its era (令和元年4月30日, 平成31年5月1日) is no day.
        // The era's year with the month and day after a separator (令和7.3.28), and the era by its initial (R7.3.28, H31.4.30),
        // as offices write them (helper-137: dated by the file's time, in the next fiscal year).
        let initial = text[start].isASCII ? text[start].uppercased() : ""
        let byInitial = (initial == "R" || initial == "H") && (start == 0 || !(text[start - 1].isASCII && (text[start - 1].isLetter || isDigit(start - 1))))
        for era in Self.eras where text[start...].starts(with: era.name) || (byInitial && initial == (era.name[0] == "令" ? "R" : "H")) {
            var index = start + (byInitial ? 1 : era.name.count)
            let year: Int
            if !byInitial, index < text.count, text[index] == "元" { year = 1; index += 1 } else if let read = number(from: index, limit: 2) { (year, index) = read } else { return nil }
            guard let day = (byInitial ? nil : japanese(after: index, year: era.yearBefore + year)) ?? separated(after: index, year: era.yearBefore + year, version: byInitial && !versionsAsDays),
                  day >= era.first, day <= era.last else { return nil }
            return day
        }
        guard start == 0 || !isDigit(start - 1), let (year, afterYear) = number(from: start, limit: 4), afterYear - start == 4 else { return nil }
        if afterYear < text.count, text[afterYear] == "年" { return japanese(after: afterYear, year: year) }
        // Dotted after a letter it is a version (`v2024.05.13`), not a day.
        let afterLetter = start > 0 && text[start - 1].isASCII && text[start - 1].isLetter
        if afterYear < text.count, ["-", "_"].contains(text[afterYear]) || (text[afterYear] == "." && !afterLetter) {
            return separated(after: afterYear, year: year)
        }
        // yyyyMMdd, alone or with the time after it.
        guard let (rest, end) = number(from: afterYear, limit: 10), [4, 8, 10].contains(end - afterYear), !isDigit(end) else { return nil }
        let monthDay = end - afterYear == 4 ? rest : Int(String(text[afterYear..<afterYear + 4]))!
        return valid(year, monthDay / 100, monthDay % 100)
    }
}
