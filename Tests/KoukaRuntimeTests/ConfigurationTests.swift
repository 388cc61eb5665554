import Foundation
import KoukaRuntime
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
}
