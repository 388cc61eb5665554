import Foundation
import KoukaCore

/// One translation request, from a CSV row or a JSON object alike, already mapped by role.
struct TranslationRecord {
    var time: String
    var characters: String
    var department: String
    var task: String
    var postEditMinutes: String
    /// The languages translated from and into ("" when the log does not say); kept as a pair for the tool review.
    var sourceLanguage = ""
    var targetLanguage = ""

    func event(line: Int, context: ParseContext, options: SourceOptions) throws(RowProblem) -> UsageEvent {
        guard let stamp = Timestamp(time) else { throw RowProblem("the request time is missing or not a date-time") }
        guard let count = Double(characters), count.isFinite, count >= 0, count <= CSVRow.largestPlausible else {
            throw RowProblem("the character count is missing or not a plausible number")
        }
        var postEdit: Double? = nil
        if !postEditMinutes.isEmpty {
            guard let minutes = Double(postEditMinutes), minutes.isFinite, minutes >= 0, minutes <= CSVRow.largestPlausible else {
                throw RowProblem("the post-editing minutes are not a plausible number")
            }
            postEdit = minutes
        }
        var event = UsageEvent(
            family: .translation, occurredAt: stamp.instant(in: context.clock), taskName: task.isEmpty ? (options.task ?? "AI翻訳") : task,
            department: department.isEmpty ? options.department : department, outcome: .success, quantity: count,
            unit: .characters, humanSeconds: postEdit.map { $0 * 60 }, source: context.location(line))
        // A pair with one side unknown is no pair: its characters stay out of the by-pair figures.
        let from = sourceLanguage.trimmingCharacters(in: .whitespaces), to = targetLanguage.trimmingCharacters(in: .whitespaces)
        if !from.isEmpty && !to.isEmpty { event.quality = [.pairCharacters("\(from.lowercased())>\(to.lowercased())"): count] }
        return event
    }
}
