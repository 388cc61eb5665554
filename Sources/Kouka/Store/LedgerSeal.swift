
/// A SHA-256 over the ledger's lines in the order of their ids, then the quarantine's rows in a fixed order, each value
/// framed so that no two stores give the same bytes: `KoukaStore.ledgerSeal()`.
package struct LedgerSeal {
    private var hasher = SHA256()

    package init() { KoukaStore.feed("ledger-seal-v1", separator: 0x1E, into: &hasher) }

    /// Adds the line `statement` holds at `first`: its id, then `KoukaStore.sealedLineColumns`.
    mutating func addLine(_ statement: SQLiteStatement, from first: Int32) throws {
        KoukaStore.feed(try statement.int(first), into: &hasher)
        for column in first + 1...first + 4 { try addText(statement, column, nullable: false) }
        for column in first + 5...first + 6 { try addText(statement, column, nullable: true) }
        for column in first + 7...first + 12 { KoukaStore.feed(try statement.int(column), into: &hasher) }
        // Only where there is one: a line without a run-key digest (none written before 0.4.7) seals as it did then.
        if !statement.isNull(first + 13) {
            KoukaStore.feed("run-keys", separator: 0x1E, into: &hasher)
            try addText(statement, first + 13, nullable: false)
        }
    }

    /// A TEXT column's bytes and a separator, taken from the statement as they are: a city's tens of thousands of lines
    /// are sealed as the run reads them, and a string for each value would cost the quiet night a fifth of its time.
    /// NULL is a NUL byte, which no text of the store holds.
    private mutating func addText(_ statement: SQLiteStatement, _ column: Int32, nullable: Bool) throws {
        if nullable, statement.isNull(column) {
            KoukaStore.feed("\u{0}", separator: 0x1F, into: &hasher)
            return
        }
        hasher.update(try statement.textBytes(column))
        withUnsafeBytes(of: UInt8(0x1F)) { hasher.update($0) }
    }

    mutating func beginQuarantine() { KoukaStore.feed("quarantine", separator: 0x1E, into: &hasher) }

    /// Adds a quarantined row: source id, line, repeated-run flag, reason, day.
    mutating func addRejection(_ statement: SQLiteStatement) throws {
        for column in Int32(0)...2 { KoukaStore.feed(try statement.int(column), into: &hasher) }
        KoukaStore.feed(try statement.text(3), separator: 0x1F, into: &hasher)
        KoukaStore.feed(try statement.optionalText(4) ?? "\u{0}", separator: 0x1F, into: &hasher)
    }

    func finish() -> String { hasher.finalizeHex() }
}
