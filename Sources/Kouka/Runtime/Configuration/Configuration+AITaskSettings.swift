
extension Configuration {
    /// The office hours chatbot answers are judged by, and whether those outside them are left out, as a period set states
    /// them (`PeriodReport.officeHours`): `mon-fri 08:30-17:15, outside left out`.
    package var officeHoursSetting: String {
        officeHours.ledgerText + (excludeOffHoursChatbotAnswers ? ", outside left out" : ", outside counted")
    }
}
