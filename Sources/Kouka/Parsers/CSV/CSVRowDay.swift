
/// How a CSV format finds the local day of one of its rows: the day the row's run started, read as the
/// format reads it, or nil when the row does not say (its date cell is empty or not a date-time). The table
/// readers ask it only for a row they reject, so that the rejection counts in the year of the row's own
/// date; rows that count never pay for it.
typealias CSVRowDay = (CSVRow) -> LocalDate?
