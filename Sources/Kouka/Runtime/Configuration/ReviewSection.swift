
extension ConfigurationFile {
    /// `[review]`: the thresholds of the tool verdicts.
    struct ReviewSection: Decodable {
        var ocr_correction_rate_max: TOMLNumber?
        var robot_failure_rate_max: TOMLNumber?
        var robot_minimum_runs: Int?
        var chatbot_answer_rate_min: TOMLNumber?
        var falling_years: Int?
        var first_year: Int?
        var last_year: Int?
    }
}

extension ReviewSettings {
    /// The settings `[review]` gives, each key checked; the defaults where it gives none.
    static func resolve(_ section: ConfigurationFile.ReviewSection?, path: String) throws(ConfigurationError) -> ReviewSettings {
        var settings = ReviewSettings()
        guard let section else { return settings }
        let rate = ConfigurationNumber.within(0...1)
        if let v = section.ocr_correction_rate_max { settings.ocrCorrectionRateMax = try rate.check(v.value, key: "review.ocr_correction_rate_max", path: path) }
        if let v = section.robot_failure_rate_max { settings.robotFailureRateMax = try rate.check(v.value, key: "review.robot_failure_rate_max", path: path) }
        if let v = section.chatbot_answer_rate_min { settings.chatbotAnswerRateMin = try rate.check(v.value, key: "review.chatbot_answer_rate_min", path: path) }
        if let v = section.robot_minimum_runs { settings.robotMinimumRuns = try ConfigurationNumber.within(1...1_000_000).check(v, key: "review.robot_minimum_runs", path: path) }
        if let v = section.falling_years { settings.fallingYears = try ConfigurationNumber.within(1...10).check(v, key: "review.falling_years", path: path) }
        if let v = section.first_year { settings.firstYear = try ConfigurationNumber.within(2000...2100).check(v, key: "review.first_year", path: path) }
        if let v = section.last_year { settings.lastYear = try ConfigurationNumber.within(2000...2100).check(v, key: "review.last_year", path: path) }
        guard settings.firstYear <= settings.lastYear else {
            throw ConfigurationError(path: path, message: "review.first_year \(settings.firstYear) is after review.last_year \(settings.lastYear); give the policy's first and last fiscal years")
        }
        return settings
    }
}
