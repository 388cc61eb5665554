import Foundation
import Kouka
import Logging
import Testing

/// A format registered from outside Kouka is read by `measure`, by the nightly job's ingest and by the streaming
/// `Meter`, and all three give the figures worked out by hand in `AcmeCity`.
@Suite struct ClientFormatTests {
    @Test func measureReadsARegisteredFormat() throws {
        let city = try AcmeCity()
        defer { try? city.remove() }
        let figures = try Kouka.measure(logs: [LogFile(city.log, format: "acme-log")], catalog: city.catalog, fiscalYear: 2024,
                                        timeZone: AcmeCity.tokyo, formats: try AcmeCity.formats(), now: AcmeCity.now)
        #expect(figures.label == "令和6年度")
        #expect(figures.rpaHoursSaved == 5.0)
        #expect(figures.hoursSaved == 5.0)
        let task = try #require(figures.tasks.first)
        #expect(figures.tasks.count == 1)
        // A line in items counts its failures in items: the failed run's 5.
        #expect((task.task, task.department, task.successes, task.failures, task.units) == ("K01", "市民課", 3, 5, 60))
        #expect(task.catalogLines == [2])
        #expect(task.sources == ["acme/robot1.log"])
        #expect(figures.departments.map(\.department) == ["市民課"])
        #expect(figures.excluded.failedRuns == 1)
        #expect(figures.excluded.rejectedRowsDateUnknown == 1)
        let rpa = try #require(figures.targets.first { $0.metric == "rpa-hours" })
        #expect((rpa.target, rpa.actual, rpa.met) == (2500, 5.0, false))
        #expect(figures.sources.map(\.path) == ["acme/robot1.log"])
        #expect(figures.sources.first?.sha256.count == 64)
        #expect(figures.catalog == "catalog.csv")

        let next = try Kouka.measure(logs: [LogFile(city.log, format: "acme-log")], catalog: city.catalog, fiscalYear: 2025,
                                     timeZone: AcmeCity.tokyo, formats: try AcmeCity.formats(), now: AcmeCity.now)
        #expect(next.rpaHoursSaved == 5.0)
        #expect(next.tasks.first?.units == 60)
    }

    @Test func theNightlyIngestUsesARegisteredFormatAndGivesTheSameFigures() throws {
        let city = try AcmeCity()
        defer { try? city.remove() }
        let formats = try AcmeCity.formats()
        let summary = try Kouka.ingest(configuration: city.configuration, formats: formats, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        #expect((summary.filesRead, summary.rowsAccepted, summary.rowsRejected) == (1, 5, 1))
        #expect(summary.rejections.map(\.line) == [6])
        #expect(!summary.isClean)
        let stored = try Kouka.figures(configuration: city.configuration, fiscalYear: 2024, formats: formats)
        let measured = try Kouka.measure(logs: LogFile.all(inConfiguration: city.configuration, formats: formats), catalog: city.catalog,
                                         fiscalYear: 2024, timeZone: AcmeCity.tokyo, formats: formats, now: AcmeCity.now)
        #expect(stored == measured)
        #expect(stored.rpaHoursSaved == 5.0)
    }

    @Test func theMeterGivesWhatMeasureGivesForEventsParsedByTheClient() throws {
        let city = try AcmeCity()
        defer { try? city.remove() }
        let reading = try Kouka.read(LogFile(city.log, format: "acme-log"), timeZone: AcmeCity.tokyo, formats: try AcmeCity.formats(), now: AcmeCity.now)
        #expect(reading.events.count == 5)
        #expect(reading.rejections.map(\.line) == [6])
        var meter = try Meter(catalog: city.catalog, timeZone: AcmeCity.tokyo, now: AcmeCity.now)
        reading.events.forEach { meter.add($0) }
        reading.rejections.forEach { meter.reject($0) }
        #expect(meter.rollups.count == 5)
        let streamed = meter.figures(fiscalYear: 2024)
        let measured = try Kouka.measure(logs: [LogFile(city.log, format: "acme-log")], catalog: city.catalog, fiscalYear: 2024,
                                         timeZone: AcmeCity.tokyo, formats: try AcmeCity.formats(), now: AcmeCity.now)
        #expect(streamed.tasks.map(\.hoursSaved) == measured.tasks.map(\.hoursSaved))
        #expect(streamed.tasks.map(\.units) == measured.tasks.map(\.units))
        #expect(streamed.targets == measured.targets)
        #expect(streamed.excluded == measured.excluded)
        #expect(streamed.rpaHoursSaved == 5.0)
    }

    @Test func aFormatCannotBeRegisteredTwiceOrUnderABadName() throws {
        var formats = LogFormats.builtIn
        #expect(throws: LogFormatError.self) { try formats.register("uipath-execution-log") { _ in AcmeLogParser() } }
        #expect(throws: LogFormatError.self) { try formats.register("Acme Log") { _ in AcmeLogParser() } }
        #expect(!formats.identifiers.contains("acme-log"))
        #expect(formats.identifiers.contains("winactor-task-csv"))
    }

    @Test func anUnknownFormatIsNamedWithTheKnownOnes() throws {
        let city = try AcmeCity()
        defer { try? city.remove() }
        do {
            _ = try Kouka.measure(logs: [LogFile(city.log, format: "acme-log")], catalog: city.catalog, fiscalYear: 2024, timeZone: AcmeCity.tokyo)
            Issue.record("an unknown format was measured")
        } catch let error as ConfigurationError {
            #expect(error.message.contains("format acme-log is unknown"))
            #expect(error.message.contains("uipath-execution-log"))
        }
    }

    @Test func aFileNotOfItsFormatStopsTheMeasurementInsteadOfCountingNothing() throws {
        let city = try AcmeCity()
        defer { try? city.remove() }
        do {
            _ = try Kouka.measure(logs: [LogFile(city.log, format: "winactor-task-csv")], catalog: city.catalog, fiscalYear: 2024,
                                  timeZone: AcmeCity.tokyo, now: AcmeCity.now)
            Issue.record("a file nothing of which counts gave figures")
        } catch let MeasureError.filesNotCounted(files) {
            #expect(Array(files.keys) == ["acme/robot1.log"])
        }
    }

    @Test func aMissingLogStopsTheMeasurementWithItsPath() throws {
        let city = try AcmeCity()
        defer { try? city.remove() }
        let missing = city.folder.appendingPathComponent("acme/robot2.log").path
        do {
            _ = try Kouka.measure(logs: [LogFile(city.log, format: "acme-log"), LogFile(missing, format: "acme-log")], catalog: city.catalog,
                                  fiscalYear: 2024, timeZone: AcmeCity.tokyo, formats: try AcmeCity.formats(), now: AcmeCity.now)
            Issue.record("a missing log was measured as if it held nothing")
        } catch let error as ConfigurationError {
            #expect(error.message.contains("robot2.log"), "\(error)")
        }
    }

    @Test func aLogWhoseNameLooksLikeAGlobIsReadAsThatFileOnly() throws {
        let city = try AcmeCity()
        defer { try? city.remove() }
        // robot[1].log as a glob would match robot1.log: only the file named so may be read.
        let bracketed = city.folder.appendingPathComponent("acme/robot[1].log").path
        try FileManager.default.copyItem(atPath: city.log, toPath: bracketed)
        try "2024-06-01 09:00:00,受付処理,ok,6\n".write(toFile: city.log, atomically: true, encoding: .utf8)
        let figures = try Kouka.measure(logs: [LogFile(bracketed, format: "acme-log")], catalog: city.catalog, fiscalYear: 2024,
                                        timeZone: AcmeCity.tokyo, formats: try AcmeCity.formats(), now: AcmeCity.now)
        #expect(figures.sources.map(\.path) == ["acme/robot[1].log"])
        #expect(figures.tasks.first?.units == 60)
    }

    @Test func allFilesOfAConfigurationRefuseASourceThatMatchesNothing() throws {
        let city = try AcmeCity()
        defer { try? city.remove() }
        var text = try String(contentsOfFile: city.configuration, encoding: .utf8)
        text += "\n[[source]]\nformat = \"acme-log\"\npath = \"other/*.log\"\n"
        try text.write(toFile: city.configuration, atomically: true, encoding: .utf8)
        let formats = try AcmeCity.formats()
        do {
            _ = try LogFile.all(inConfiguration: city.configuration, formats: formats)
            Issue.record("a source without files was left out quietly")
        } catch {
            #expect(error.message.contains("other/*.log"), "\(error)")
        }
    }
}
