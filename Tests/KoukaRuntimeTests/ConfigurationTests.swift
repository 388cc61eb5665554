import Foundation
import Kouka
import Testing

@Suite struct ConfigurationTests {
    func load(_ sources: String, catalog: String = TemporaryCity.catalog) throws -> ConfigurationError? {
        let city = try TemporaryCity(catalog: catalog, sources: sources)
        defer { city.remove() }
        do {
            _ = try Configuration.load(path: city.configPath)
            return nil
        } catch {
            return error
        }
    }

    @Test func anUnknownFormatNamesTheKnownOnes() throws {
        let error = try load("[[source]]\nformat = \"uipath-log\"\npath = \"x\"\n")
        #expect(error?.message.contains("format uipath-log is unknown") == true)
        #expect(error?.message.contains("winactor-task-csv") == true)
    }

    @Test func aRobotCSVNeedsItsColumns() throws {
        let error = try load("[[source]]\nformat = \"rpa-csv\"\npath = \"x\"\n")
        #expect(error?.message.contains("[source.columns]") == true)
    }

    @Test func aMisspelledKeyIsNamed() throws {
        let error = try load("[[source]]\nformat = \"winactor-task-csv\"\npaht = \"x\"\n")
        #expect(error != nil)
    }

    @Test func anUnknownTimeZoneIsRefused() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        try city.write("kouka.toml", "timezone = \"Asia/Tokio\"\ncatalog = \"catalog.csv\"\n")
        #expect(throws: ConfigurationError.self) { try Configuration.load(path: city.configPath) }
    }

    @Test func pathsResolveAgainstTheConfigurationsFolder() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        let configuration = try Configuration.load(path: city.configPath)
        #expect(configuration.catalogPath == city.root.appendingPathComponent("catalog.csv").standardizedFileURL.path)
        #expect(configuration.sources.first?.pattern.hasSuffix("/logs/*.csv") == true)
        #expect(configuration.clock.zone.identifier == "Asia/Tokyo")
        #expect(configuration.targets.years[2025]?.rpaHours == 3000)
    }

    @Test func targetsMoneyAndHoursAreReadWhetherWrittenAsIntegersOrDecimals() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        try city.write("kouka.toml", """
            catalog = "catalog.csv"
            [targets.2026]
            rpa_hours = 3500
            ai_tasks = 6
            [targets.2027]
            rpa_hours = 3600.5
            [money]
            hourly_staff_cost_yen = 2800
            [money.licence_yen]
            rpa = 3600000
            ai-ocr = 1200000.0
            [office_hours]
            opens = "08:45"
            closes = "17:30"
            [nightly]
            pending_max_hours = 12
            """)
        let configuration = try Configuration.load(path: city.configPath)
        #expect(configuration.targets.years[2026] == YearTargets(rpaHours: 3500, aiTasks: 6, newSystems: nil))
        #expect(configuration.targets.years[2027]?.rpaHours == 3600.5)
        #expect(configuration.targets.years[2024]?.rpaHours == 2500, "the DX policy's defaults stay for years not set")
        #expect(configuration.money?.hourlyStaffCostYen == 2800)
        #expect(configuration.money?.yearlyLicenceYen == [.rpa: 3_600_000, .aiOCR: 1_200_000])
        #expect(configuration.officeHours == OfficeHours(opens: 8 * 60 + 45, closes: 17 * 60 + 30))
        #expect(configuration.pendingMaxAge == 12 * 3600)
    }
}
