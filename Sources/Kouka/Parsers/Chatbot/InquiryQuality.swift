
/// The quality counts of one inquiry of a chatbot whose own log says whether it answered and whether it handed
/// the citizen to a person (Rasa trackers, Bot Framework transcripts): both are measured for every inquiry, since
/// the log would hold the fallback or the hand-off event had there been one.
enum InquiryQuality {
    /// `answered` is the bot's own answer (no fallback, confident enough); `handedOff` a hand-off to a person.
    static func measured(answered: Bool, handedOff: Bool) -> [QualityMeasure: Double] {
        [.answerMeasured: 1, .unanswered: answered ? 0 : 1, .escalationMeasured: 1, .escalated: handedOff ? 1 : 0]
    }
}
