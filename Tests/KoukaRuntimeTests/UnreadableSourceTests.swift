import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import Kouka
import Testing

/// What stands at a source path but cannot be read as a log — a folder, a FIFO, an empty file — gets a
/// ledger line that says so and why, so that the reports list it; the unreadable ones are tried again
/// every run, and read once they are files.
@Suite struct UnreadableSourceTests {
    static let good = TemporaryCity.winActorCSV([TemporaryCity.winActorRow("t1", "転入届入力", "FINISH", "2024/05/01 10:00:00")])

    static let folderReason = "a folder stands where a log file was expected"
    static let fifoReason = "a FIFO (named pipe) stands where a log file was expected; it is not read, so that the job cannot hang on it"

    @Test func aFolderOrAFIFOAtASourcePathIsInTheLedgerAsUnreadableAndIsReadOnceItIsAFile() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        let folder = city.root.appendingPathComponent("logs/dir.csv"), fifo = city.root.appendingPathComponent("logs/fifo.csv")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #expect(mkfifo(fifo.path, 0o600) == 0)
        try city.write("logs/good.csv", Self.good, encoding: .shiftJIS)
        let first = try city.nightly()
        #expect(first.filesRead == 1)
        #expect(first.exitCode == .doneWithFindings)
        let ledger = try city.store().sources()
        #expect(ledger.map(\.path) == ["logs/dir.csv", "logs/fifo.csv", "logs/good.csv"])
        #expect(ledger.map(\.status) == [.unreadable, .unreadable, .present])
        #expect(ledger.map(\.rejectReason) == [Self.folderReason, Self.fifoReason, nil])
        #expect(ledger.map(\.format) == ["winactor-task-csv", "winactor-task-csv", "winactor-task-csv"])

        // Still there the next night: named again, and its ledger line is not duplicated.
        let second = try city.nightly()
        #expect(second.filesUnreadable.map(\.path).sorted() == ["logs/dir.csv", "logs/fifo.csv"])
        #expect(second.filesUnchanged == 1)
        #expect(try city.store().sources().count == 3)
        #expect(second.exitCode == .doneWithFindings)

        // Replaced by real exports: read, and their ledger lines become those of files that count.
        try FileManager.default.removeItem(at: folder)
        try FileManager.default.removeItem(at: fifo)
        try city.write("logs/dir.csv", TemporaryCity.winActorCSV([TemporaryCity.winActorRow("t2", "転入届入力", "FINISH", "2024/05/02 10:00:00")]),
                       encoding: .shiftJIS)
        try city.write("logs/fifo.csv", TemporaryCity.winActorCSV([TemporaryCity.winActorRow("t3", "転入届入力", "FINISH", "2024/05/03 10:00:00")]),
                       encoding: .shiftJIS)
        let third = try city.nightly()
        #expect(third.filesRead == 2)
        #expect(third.filesUnreadable.isEmpty)
        #expect(third.exitCode == .done)
        let after = try city.store().sources()
        #expect(after.map(\.status) == [.present, .present, .present])
        #expect(after.map(\.rejectReason) == [nil, nil, nil])
        #expect(after.map(\.rowsAccepted) == [1, 1, 1])
        let report = try ReportJob(configuration: Configuration.load(path: city.configPath), fiscalYear: FiscalYear(2024), logger: .silent).build()
        #expect(report.tasks.first?.successes == 3)
    }

    @Test func anEmptyFileIsRejectedWholeWithAQuarantineLineZeroAndReadOnceItHasRows() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        try city.write("logs/empty.csv", "")
        try city.write("logs/good.csv", Self.good, encoding: .shiftJIS)
        let first = try city.nightly()
        let reason = "the file is empty: no header row"
        #expect(first.filesRejected == [.init(path: "logs/empty.csv", reason: reason)])
        #expect(first.rowsRejected == 0)
        #expect(first.rowsAccepted == 1)
        #expect(first.exitCode == .doneWithFindings)
        let empty = try #require(try city.store().source(path: "logs/empty.csv"))
        #expect(empty.status == .rejected)
        #expect(empty.rejectReason == reason)
        // Line 0: the file as a whole, not one of its rows.
        #expect(try city.store().rejections() == [Rejection(file: "logs/empty.csv", line: 0, reason: reason)])

        // Unchanged, it is not read again; written to, it is.
        #expect(try city.nightly().filesUnchanged == 2)
        try city.write("logs/empty.csv", TemporaryCity.winActorCSV([TemporaryCity.winActorRow("t2", "転入届入力", "FINISH", "2024/05/02 10:00:00")]),
                       encoding: .shiftJIS)
        let filled = try city.nightly()
        #expect(filled.filesRead == 1)
        #expect(filled.exitCode == .done)
        #expect(try city.store().source(path: "logs/empty.csv")?.status == .present)
        #expect(try city.store().rejections().isEmpty)
    }
}
