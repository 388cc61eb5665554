extension SourceFileRecord {
    /// Whether the file counts, and its reading held no record at all (an export of a day without runs, its header alone):
    /// a copy of it counts nothing either way. Every such export of a city's quiet days has the same bytes, and naming each
    /// as a copy would have every quiet night exit 1 for nothing, teaching those who watch the job to pass over exit 1.
    package var holdsNoRecord: Bool {
        (status == .present || status == .gone) && rowsRead == 0 && rowsRejected == 0
    }
}
