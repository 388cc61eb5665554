
/// What a report says of office hours: the hours its chatbot answers were judged by, whether answers outside
/// them count, and which files' answers were judged by other hours, so that no reader has to guess which
/// hours a figure follows.
enum OfficeHoursMethod {
    static func text(_ inputs: ReportInputs) -> String {
        let hours = "開庁時間（\(inputs.officeHours.label)。祝日は区別しない）"
        var text = inputs.excludeOffHoursChatbotAnswers
            ? "チャットボットの回答のうち\(hours)外のものは、職員の時間を削減していないため削減時間にもAIの利用にも数えず、集計から除いたものに件数を示す（office_hours.exclude_chatbot_answers = true）。"
            : "チャットボットの回答は、\(hours)外のものも削減時間に数える（office_hours.exclude_chatbot_answers = false）。"
        if !inputs.otherOfficeHours.isEmpty {
            let files = inputs.otherOfficeHours.sorted { $0.key < $1.key }.map { "\($0.key)（\(OfficeHours.label(ofLedgerText: $0.value))）" }
            text += "ただし次のファイルの回答は、読み込んだときの開庁時間で判定されたままである（kouka-nightly が読み直すまで。読取対象外・読めないファイルは読み直せない）: "
                + files.joined(separator: "、") + "。"
        }
        return text
    }
}
