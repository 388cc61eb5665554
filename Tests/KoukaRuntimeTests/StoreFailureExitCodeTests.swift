import Kouka
import Testing

/// A store that cannot be read stops a job with the cron contract's code: 65 for damaged or foreign data,
/// 74 when the disk failed, 75 when another process held it locked; a write that fails stays 73.
struct StoreFailureExitCodeTests {
    @Test(arguments: [
        (Int32(11), KoukaExitCode.dataError), (26, .dataError), (1, .dataError), (10, .ioError), (266, .ioError), (14, .ioError),
        (5, .locked),
    ])
    func aReadFailureMapsByItsCause(code: Int32, exit: KoukaExitCode) {
        #expect(KoukaExitCode.code(for: StoreError.unreadable(path: "/var/lib/kouka/kouka.sqlite", table: "rollups", code: code, reason: "r")) == exit)
    }

    @Test func aValueOrATableKoukaNeverWroteIsADataError() {
        #expect(KoukaExitCode.code(for: StoreError.undecodable(path: "/db", table: "rollups", column: "family", value: "robot")) == .dataError)
        #expect(KoukaExitCode.code(for: StoreError.schemaMismatch(path: "/db", table: "rollups", problem: "p")) == .dataError)
        #expect(KoukaExitCode.ioError.rawValue == 74)
    }

    @Test func aWriteTheDiskRefusesStaysCannotWrite() {
        #expect(KoukaExitCode.code(for: StoreError.sqlite(code: 10, message: "disk I/O error", sql: "INSERT INTO rollups")) == .cannotWrite)
    }

    /// README: 74 is an input or output error. A log the run cannot go on without (read again for runs that ended in
    /// another file) that fails to read stops the run with it, not with 65, which says the data itself is bad.
    @Test func aLogTheRunMustReadAndCannotIsAnInputError() {
        #expect(KoukaExitCode.code(for: InputError.cannotRead(path: "winactor/tasks-1.csv", reason: "changed while read again")) == .ioError)
    }
}
