/// What a fiscal year under way's 費用対効果 table charges: the licences of the months begun by its last complete day, said
/// beside the figure in every format (helper-95: 200,000 of a 1,200,000 licence shown without saying which months).
enum LicenceText {
    /// The note for `report`, a fiscal year's with `[money]` that is under way (it has a projection); nil otherwise.
    static func monthsBorne(_ report: YearReport) -> String? {
        guard report.period == "fiscal-year", report.money != nil, let asOf = report.projection.flatMap({ LocalDate($0.asOf) }) else { return nil }
        let months = MoneySettings.monthsBorne(of: .fiscalYear(FiscalYear(report.fiscalYear)), through: asOf)
        return "年度途中のため、ライセンス費は年額のうち4月から\(asOf.month)月までの \(months) か月分（年額 × \(months) ÷ 12、円未満四捨五入）。"
    }
}
