import Foundation
@testable import Kouka
import Testing

/// `JSONRecords.isJSON`: a log that comes as CSV or JSON is told by its name, else by its first byte; one that
/// cannot be opened is not guessed to be CSV (a JSON export unopenable for a moment would be rejected whole).
struct JSONOrCSVTests {
    @Test func aFileThatCannotBeOpenedIsNotTakenForCSV() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let missing = dir.url.appendingPathComponent("flowsessions-export").path
        do {
            let json = try JSONRecords.isJSON(missing, display: "flowsessions-export")
            Issue.record("taken for \(json ? "JSON" : "CSV") unopened")
        } catch {
            guard case let .cannotOpen(path, reason) = error else { Issue.record("\(error)"); return }
            #expect(path == "flowsessions-export")
            #expect(reason.contains("No such file"))
        }
    }

    @Test func itsNameOrFirstByteTellsIt() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        #expect(try JSONRecords.isJSON(try dir.write("a", Data("\u{FEFF}\n  [{}]".utf8)), display: "a"))
        #expect(try JSONRecords.isJSON(try dir.write("b", Data("{\"value\":[]}".utf8)), display: "b"))
        #expect(try !JSONRecords.isJSON(try dir.write("c", Data("id,name\n1,x\n".utf8)), display: "c"))
        #expect(try !JSONRecords.isJSON(try dir.write("d.csv", Data("[not json".utf8)), display: "d.csv"), "a .csv name is CSV")
        #expect(try JSONRecords.isJSON(dir.url.appendingPathComponent("never-opened.json").path, display: "x"), "a .json name is JSON unopened")
    }
}
