import Foundation
import Kouka
import Testing

/// `ReportManifest.check(folder:)`, what `kouka-audit verify` calls: a report folder exactly as written has
/// no finding; each way it can be changed afterwards is named with the file it concerns.
@Suite struct ReportManifestCheckTests {
    /// A city with one fiscal year's report (Shift_JIS CSV too) and one month's, written by `ReportJob`.
    static func city() throws -> TemporaryCity {
        let city = try TemporaryCity()
        try city.write("logs/tasks.csv", TemporaryCity.winActorCSV([
            TemporaryCity.winActorRow("t1", "住民税_課税資料取込", "FINISH", "2024/05/01 09:00:00"),
            TemporaryCity.winActorRow("t2", "転入届入力", "FINISH", "2024/06/03 10:00:00"),
        ]), encoding: .shiftJIS)
        let configuration = try Configuration.load(path: city.configPath)
        _ = try NightlyJob(configuration: configuration, logger: .silent, options: NightlyOptions(today: LocalDate(year: 2025, month: 4, day: 10))).run()
        for period in [ReportPeriod.fiscalYear(FiscalYear(2024)), .month(year: 2024, month: 5)] {
            _ = try ReportJob(configuration: configuration, options: ReportOptions(period: period, generatedAt: Date(timeIntervalSince1970: 1_744_228_800),
                                                                                   shiftJISCSV: true), logger: .silent).run()
        }
        return city
    }

    static func folder(_ city: TemporaryCity) -> URL { city.root.appendingPathComponent("reports/FY2024") }

    @Test func aSetAsWrittenHasNoFindingAndItsManifestListsEveryFile() throws {
        let city = try Self.city()
        defer { city.remove() }
        let folder = Self.folder(city)
        #expect(try ReportManifest.check(folder: folder.path) == [])
        #expect(try ReportManifest.checkReportFolders(in: city.root.appendingPathComponent("reports").path) == [])
        let manifest = try String(contentsOf: folder.appendingPathComponent("SHA256SUMS"), encoding: .utf8)
        let listed = manifest.split(separator: "\n").map { String($0.dropFirst(66)) }
        #expect(listed == [
            "kouka-FY2024-departments-sjis.csv", "kouka-FY2024-departments.csv", "kouka-FY2024-period-sjis.csv", "kouka-FY2024-period.csv",
            "kouka-FY2024-review-sjis.csv", "kouka-FY2024-review.csv",
            "kouka-FY2024-tasks-sjis.csv", "kouka-FY2024-tasks.csv",
            "kouka-FY2024.html", "kouka-FY2024.json", "kouka-FY2024.md", "kouka-FY2024.xlsx",
        ])
        let digest = try SHA256Hex.of(Data(contentsOf: folder.appendingPathComponent("kouka-FY2024.html")))
        #expect(manifest.contains("\(digest)  kouka-FY2024.html\n"))
    }

    @Test func eachChangeIsNamedWithItsFile() throws {
        let city = try Self.city()
        defer { city.remove() }
        let folder = Self.folder(city)
        func file(_ name: String) -> URL { folder.appendingPathComponent(name) }
        let listedHTML = try SHA256Hex.of(try Data(contentsOf: file("kouka-FY2024.html")))

        var html = try Data(contentsOf: file("kouka-FY2024.html"))
        html[html.count / 2] ^= 0x01
        try html.write(to: file("kouka-FY2024.html"))
        var workbook = try Data(contentsOf: file("kouka-FY2024.xlsx"))
        workbook[workbook.count - 10] ^= 0x01
        try workbook.write(to: file("kouka-FY2024.xlsx"))
        try FileManager.default.removeItem(at: file("kouka-FY2024.md"))
        try Data("extra".utf8).write(to: file("notes.txt"))
        try FileManager.default.removeItem(at: file("kouka-FY2024-tasks-sjis.csv"))
        try FileManager.default.createSymbolicLink(atPath: file("kouka-FY2024-tasks-sjis.csv").path, withDestinationPath: "kouka-FY2024-tasks.csv")

        let changedHTML = try SHA256Hex.of(html)
        let findings = try ReportManifest.check(folder: folder.path)
        // What is not listed first, then the listed files by name.
        #expect(findings.map(\.kind) == [.unlisted, .unreadable, .changed, .missing, .changed])
        let byFile = Dictionary(uniqueKeysWithValues: findings.map { (($0.path as NSString).lastPathComponent, $0) })
        #expect(byFile.count == findings.count)
        #expect(Set(byFile.keys) == ["kouka-FY2024.html", "kouka-FY2024.xlsx", "kouka-FY2024.md", "notes.txt", "kouka-FY2024-tasks-sjis.csv"])
        #expect(byFile["kouka-FY2024.html"]?.kind == .changed)
        #expect(byFile["kouka-FY2024.html"]?.listed == listedHTML)
        #expect(byFile["kouka-FY2024.html"]?.found == changedHTML)
        #expect(byFile["kouka-FY2024.html"]?.path == file("kouka-FY2024.html").path)
        #expect(byFile["kouka-FY2024.xlsx"]?.kind == .changed)
        #expect(byFile["kouka-FY2024.md"]?.kind == .missing)
        #expect(byFile["notes.txt"]?.kind == .unlisted)
        #expect(byFile["kouka-FY2024-tasks-sjis.csv"]?.kind == .unreadable)
        #expect(byFile["kouka-FY2024-tasks-sjis.csv"]?.found == "a symbolic link")
        #expect(byFile["kouka-FY2024.html"]?.description.contains("kouka-FY2024.html changed after it was written") == true)
        // The month's folder was not touched: checking every folder names only the year's files.
        #expect(try ReportManifest.checkReportFolders(in: city.root.appendingPathComponent("reports").path) == findings)
    }

    @Test func aFolderWithoutItsManifestOrWithAnEditedOneIsAFinding() throws {
        let city = try Self.city()
        defer { city.remove() }
        let folder = Self.folder(city)
        let manifest = folder.appendingPathComponent("SHA256SUMS")
        let text = try String(contentsOf: manifest, encoding: .utf8)

        // A line pointing out of the folder is not followed: it is a bad line, and the file it replaced unlisted.
        let outside = text.replacingOccurrences(of: "  kouka-FY2024.md\n", with: "  ../../kouka.toml\n")
        try Data(outside.utf8).write(to: manifest)
        let edited = try ReportManifest.check(folder: folder.path)
        #expect(edited.map(\.kind) == [.badLine, .unlisted])
        #expect(edited.first?.path == manifest.path)
        #expect(edited.first?.listed?.hasSuffix("  ../../kouka.toml") == true)
        #expect(edited.last?.path == folder.appendingPathComponent("kouka-FY2024.md").path)

        try FileManager.default.removeItem(at: manifest)
        #expect(try ReportManifest.check(folder: folder.path) == [ManifestFinding(kind: .noManifest, path: manifest.path)])
    }
}

/// SHA-256 as `sha256sum` prints it, computed by the system's `sha256sum`, not by Kouka.
enum SHA256Hex {
    static func of(_ data: Data) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-sha-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        try data.write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return String(text.prefix(64))
    }
}
