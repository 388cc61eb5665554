/// The rules a city sets for the tool verdicts (`[review]` in kouka.toml), with their defaults. Kouka applies
/// them as written and prints them beside each verdict: the verdict is the city's rule, not Kouka's judgement.
package struct ReviewSettings: Sendable, Hashable {
    /// AI-OCR: fields corrected ÷ fields read above this → 改善要.
    package var ocrCorrectionRateMax = 0.10
    /// RPA: a robot task's failed runs ÷ runs above this → 改善要 (tasks with at least `robotMinimumRuns` runs).
    package var robotFailureRateMax = 0.05
    package var robotMinimumRuns = 10
    /// Chatbot: inquiries answered ÷ inquiries whose log says whether they were answered below this → 改善要.
    package var chatbotAnswerRateMin = 0.80
    /// Use (sheets, audio, inquiries, characters, runs) falling this many fiscal years running → 見直し.
    package var fallingYears = 2
    /// The policy's fiscal years shown side by side in a yearly report (those with data).
    package var firstYear = 2021
    package var lastYear = 2025

    package init() {}

    /// The rules applied to `family`'s verdict, as printed beside it.
    func rules(for family: String, staffHourlyYen: Double?) -> [String] {
        var rules = [
            "見直し: ライセンス費 ÷ 削減時間 が職員の時間単価" + (staffHourlyYen.map { "（\(ReviewFormat.yenAsGiven($0)) 円、[money]）" } ?? "（[money] 未設定）") + "を超える",
            "見直し: 利用量が\(fallingYears)年度続けて減少（falling_years）",
        ]
        switch family {
        case "ai-ocr": rules.append("改善要: 項目修正率が \(ReviewFormat.percentAsGiven(ocrCorrectionRateMax)) を超える（ocr_correction_rate_max）")
        case "rpa": rules.append("改善要: 業務の失敗率が \(ReviewFormat.percentAsGiven(robotFailureRateMax)) を超える（robot_failure_rate_max、\(robotMinimumRuns) 回以上実行した業務: robot_minimum_runs）")
        case "chatbot": rules.append("改善要: 回答率が \(ReviewFormat.percentAsGiven(chatbotAnswerRateMin)) を下回る（chatbot_answer_rate_min）")
        default: break
        }
        rules.append("継続: いずれにも当たらない")
        return rules
    }
}
