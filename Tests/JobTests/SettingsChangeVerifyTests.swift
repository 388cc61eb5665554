import Foundation
import Testing

/// A setting that moves the figures changed in kouka.toml after the sets were made, with no nightly run needing to read a
/// file again: verify names the sets outdated by it, not edited (helper-192 #1: `exclude_chatbot_answers` switched, and 64
/// figures of every set were named as changed behind Kouka's back; #2: `minimum_uses` changed, and the period set's AI
/// tasks were).
@Suite(.serialized) struct SettingsChangeVerifyTests {
    static func configuration(exclude: Bool, minimumUses: Int) -> String {
        OfficeHoursChangeJobTests.configuration(opens: "08:30", closes: "17:15")
            .replacingOccurrences(of: "exclude_chatbot_answers = true", with: "exclude_chatbot_answers = \(exclude)")
            + "\n[ai_tasks]\nminimum_uses = \(minimumUses)\n"
    }

    static func city(_ name: String) throws -> SmallCity {
        let city = try SmallCity(name)
        try city.write("catalog.csv", OfficeHoursChangeJobTests.catalog)
        try city.write("kouka.toml", configuration(exclude: true, minimumUses: 1))
        try city.write("logs/chat.csv", OfficeHoursChangeJobTests.answers())
        #expect(try city.nightly().exitCode == 0)
        // Made a second after the night: within it, the files the night read count as read after the set was made.
        Thread.sleep(forTimeInterval: 1.1)
        #expect(try city.report(2024).exitCode == 0)
        #expect(try JobProcess.run("kouka-report", ["--config", city.config, "--period", "2021-2025", "--quiet"]).exitCode == 0)
        let clean = try JobProcess.run("kouka-audit", ["verify", "--config", city.config])
        #expect(clean.exitCode == 0, "\(clean.stdout)")
        return city
    }

    static func differences(_ city: SmallCity) throws -> [[String: Any]] {
        let verify = try JobProcess.run("kouka-audit", ["verify", "--config", city.config])
        #expect(verify.exitCode == 1, "\(verify.stderr)")
        return try verify.summary()["differences"] as? [[String: Any]] ?? []
    }

    @Test func answersOutsideOfficeHoursCountedAfterTheSetsWereMadeMakeThemOutdated() throws {
        let city = try Self.city("settings-exclude")
        defer { city.remove() }
        try city.write("kouka.toml", Self.configuration(exclude: false, minimumUses: 1))
        let differences = try Self.differences(city)
        #expect(!differences.isEmpty)
        #expect(differences.allSatisfy { $0["kind"] as? String == "written-report-outdated" }, "\(differences.filter { $0["kind"] as? String != "written-report-outdated" })")
        #expect(differences.contains { $0["field"] as? String == "method.officeHours" })
    }

    @Test func anotherMinimumOfUsesMakesThePeriodSetOutdated() throws {
        let city = try Self.city("settings-uses")
        defer { city.remove() }
        // Three answers in office hours: one AI task counted with a minimum of 1, none with 4.
        try city.write("kouka.toml", Self.configuration(exclude: true, minimumUses: 4))
        let differences = try Self.differences(city)
        let period = differences.filter { ($0["subject"] as? String ?? "").contains("period-2021-2025") }
        #expect(!period.isEmpty)
        #expect(period.allSatisfy { $0["kind"] as? String == "written-report-outdated" }, "\(period)")
    }
}
