import Foundation

extension MappedRow {
    /// The fields an AI-OCR job read and those a person corrected, when the row gives both. A row with one
    /// and not the other measured nothing; more corrected than read is an export that is wrong, rejected.
    func fieldCorrections() throws(RowProblem) -> [QualityMeasure: Double] {
        guard let read = try number("fields"), let corrected = try number("corrected") else { return [:] }
        guard corrected <= read else {
            throw RowProblem("column \(options.columns["corrected"]!) (corrected) says \(corrected) fields were corrected of \(read) read (\(options.columns["fields"]!)); check the export")
        }
        return [.fieldsRead: read, .fieldsCorrected: corrected]
    }

    /// What a chatbot row says of its inquiry: answered or not, handed to a person or not (each only when its
    /// column is mapped), and the user's rating when given.
    func inquiryQuality(answered: Bool, escalated: Bool) throws(RowProblem) -> [QualityMeasure: Double] {
        var quality: [QualityMeasure: Double] = [:]
        if has("answered") {
            quality[.answerMeasured] = 1
            quality[.unanswered] = answered ? 0 : 1
        }
        if has("escalated") {
            quality[.escalationMeasured] = 1
            quality[.escalated] = escalated ? 1 : 0
        }
        // A rating is an aside, not a count the hours rest on: one that is not a number (a vendor's 良い, or text in the
        // wrong column) leaves the row counted and out of the average, and its text is never kept.
        if let rating = DecimalText.number(try text("rating").trimmingSpaces()), rating.isFinite, (0...100).contains(rating) {
            quality[.ratingSum] = rating
            quality[.ratingCount] = 1
        }
        return quality
    }
}
