import Foundation
import Testing

/// The month of February after a leap year, made once it is over: its tool review compares the whole February before,
/// the 29th with it, as its departments do — and verification, holding the set to the month's last day, does too. The
/// review took the year before to the same day a year earlier (the 28th) as of the day verification states, but to the
/// 29th as of the store's day the set was written: every such set failed verify on honest data (helper-191 #1).
@Suite struct LeapDayMonthReviewVerifyTests {
    @Test func februaryAfterALeapYearVerifies() throws {
        let city = try SmallCity.flows("leap-feb")
        defer { city.remove() }
        // Two runs in February 2024, one of them on the 29th; one in February 2025.
        try city.write("logs/flows.json", """
            [{"name": "住民税_課税", "startedon": "2024-02-28T00:00:00Z", "completedon": "2024-02-28T00:10:00Z", "runduration": 600, "statuscode": 4},
             {"name": "住民税_課税", "startedon": "2024-02-29T00:00:00Z", "completedon": "2024-02-29T00:10:00Z", "runduration": 600, "statuscode": 4},
             {"name": "住民税_課税", "startedon": "2025-02-10T00:00:00Z", "completedon": "2025-02-10T00:10:00Z", "runduration": 600, "statuscode": 4}]
            """)
        #expect(try city.nightly().exitCode == 0)
        let report = try JobProcess.run("kouka-report", ["--config", city.config, "--month", "2025-02", "--today", "2025-03-10", "--quiet"])
        #expect(report.exitCode == 0, "\(report.stderr)")

        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: city.root.appendingPathComponent("reports/2025-02/kouka-2025-02.json"))) as? [String: Any]
        let tables = ((json?["review"] as? [String: Any])?["sections"] as? [[String: Any]] ?? []).flatMap { $0["tables"] as? [[String: Any]] ?? [] }
        let fell = try #require(tables.first { $0["id"] as? String == "rpa-fell" })
        // February 2024: 2 runs × 165 min = 5.50 h; February 2025: 2.75 h.
        let row = (fell["rows"] as? [[String: Any]])?.first { $0["key"] as? String == "T01" }
        #expect(row?["values"] as? [Double] == [5.5, 2.75, -2.75], "\(fell)")

        let verify = try JobProcess.run("kouka-audit", ["verify", "--config", city.config])
        #expect(verify.exitCode == 0, "\(verify.stdout)")
    }
}
