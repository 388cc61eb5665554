extension MoneyLine {
    /// The line with each system's licence as the first `months` months of a fiscal year bear it
    /// (`MoneySettings.licenceToDate`), and the nets with them: a year under way set against its hours to date.
    package func borne(months: Int, by money: MoneySettings) -> MoneyLine {
        var line = self
        line.bySystem = bySystem.map { s in
            var s = s
            // Every system a report line names is one of SystemFamily's: the report made it from them.
            s.licenceYen = SystemFamily(rawValue: s.system).map { money.licenceToDate(of: $0, months: months) } ?? s.licenceYen
            s.netYen = s.savedYen - s.licenceYen
            return s
        }
        line.licenceYen = line.bySystem.reduce(0) { $0 + $1.licenceYen }
        line.netYen = savedYen - line.licenceYen
        return line
    }
}

extension MoneySettings {
    /// The months of fiscal year `period` a report through `through` bears licences for: those begun by that day (none
    /// before the year), all twelve once it is over.
    package static func monthsBorne(of period: ReportPeriod, through: LocalDate) -> Int {
        through < period.firstDay ? 0 : period.monthKeys.filter { $0 <= through.monthKey }.count
    }
}
