import Foundation
import Testing

/// Every report set carries `SHA256SUMS`, listing every file of the set, which the system's `sha256sum -c`
/// accepts in the folder; a report file changed afterwards fails that check and `kouka-audit verify`.
@Suite(.serialized) struct ReportManifestTests {
    @Test func sha256sumChecksEveryFileOfAYearsAndAMonthsSet() throws {
        let city = try ReportCity()
        defer { city.remove() }
        #expect(try JobProcess.run("kouka-nightly", ["--config", city.config, "--quiet"]).exitCode == 0)
        #expect(try JobProcess.run("kouka-report", city.report(["--csv-shift-jis"])).exitCode == 0)
        let month = ["--config", city.config, "--month", "2024-05", "--quiet", "--generated-at", "2025-04-10T05:00:00+09:00", "--csv-shift-jis"]
        #expect(try JobProcess.run("kouka-report", month).exitCode == 0)
        for stem in ["FY2024", "2024-05"] {
            let folder = city.output.appendingPathComponent(stem)
            let check = try ReportCity.sha256sumCheck(folder)
            #expect(check.exitCode == 0, "\(stem): \(check.stdout) \(check.stderr)")
            let checked = Set(check.stdout.split(separator: "\n").map(String.init))
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "SHA256SUMS" }
            #expect(checked == Set(files.map { "\($0): OK" }), "\(stem): every file of the set, and only those, is checked")
            // A fiscal year of the policy period also has the period table (issue 16).
            let period = stem == "FY2024" ? ["-period.csv", "-period-sjis.csv"] : []
            #expect(Set(files) == Set(([".html", ".json", ".md", ".xlsx", "-tasks.csv", "-departments.csv", "-tasks-sjis.csv", "-departments-sjis.csv", "-review.csv", "-review-sjis.csv"] + period)
                .map { "kouka-\(stem)\($0)" }))
        }
    }

    @Test func aReportFileChangedAfterwardsFailsSha256sumAndVerifyNamesIt() throws {
        let city = try ReportCity()
        defer { city.remove() }
        #expect(try JobProcess.run("kouka-nightly", ["--config", city.config, "--quiet"]).exitCode == 0)
        #expect(try JobProcess.run("kouka-report", city.report()).exitCode == 0)
        let verified = try JobProcess.run("kouka-audit", ["verify", "--config", city.config, "--quiet"])
        #expect(verified.exitCode == 0, "\(verified.stdout)")

        // The hours in the HTML, raised by 100 (what a hand edit would do), and a workbook byte.
        let html = city.folder.appendingPathComponent("kouka-FY2024.html")
        let text = try String(contentsOf: html, encoding: .utf8)
        let hours = try #require(text.range(of: "8.33"), "the HTML states 20 runs × 25 min = 8.33 h")
        try Data(text.replacingCharacters(in: hours, with: "108.33").utf8).write(to: html)
        let xlsx = city.folder.appendingPathComponent("kouka-FY2024.xlsx")
        var workbook = try Data(contentsOf: xlsx)
        workbook[workbook.count / 2] ^= 0x20
        try workbook.write(to: xlsx)

        let check = try ReportCity.sha256sumCheck(city.folder)
        #expect(check.exitCode == 1)
        #expect(check.stdout.contains("kouka-FY2024.html: FAILED"))
        #expect(check.stdout.contains("kouka-FY2024.xlsx: FAILED"))
        #expect(check.stdout.contains("kouka-FY2024.json: OK"))

        let verify = try JobProcess.run("kouka-audit", ["verify", "--config", city.config, "--quiet"])
        #expect(verify.exitCode == 1)
        let differences = try verify.summary()["differences"] as? [[String: Any]] ?? []
        let named = differences.filter { $0["kind"] as? String == "report-manifest" }.compactMap { $0["subject"] as? String }
        #expect(named == [html.path, xlsx.path], "\(verify.stdout)")
    }
}
