import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Writes that cannot be redirected: a symbolic link planted where the jobs write (a report's temporary
/// name, the report folder, the output folder, the database, its lock) never sends a write where it
/// points. A link the configuration does not name is refused with 73 and a message saying what to do;
/// the configuration names a place by its real path.
@Suite(.serialized) struct SymbolicLinkTests {
    /// A file outside the city's folders that a planted link points to; it must keep its bytes.
    static func victim(_ city: ReportCity) throws -> URL {
        let url = city.root.appendingPathComponent("elsewhere/victim.txt")
        try city.write("elsewhere/victim.txt", "not Kouka's\n")
        return url
    }

    func victimUntouched(_ url: URL) throws -> Bool { try String(contentsOf: url, encoding: .utf8) == "not Kouka's\n" }

    @Test func linksPlantedAtTheNamesAReportRunWritesAreNotFollowed() throws {
        let city = try ReportCity()
        defer { city.remove() }
        let victim = try Self.victim(city)
        let victimFolder = victim.deletingLastPathComponent()
        #expect(try JobProcess.run("kouka-nightly", ["--config", city.config, "--quiet"]).exitCode == 0)
        #expect(try JobProcess.run("kouka-report", city.report()).exitCode == 0)
        // The shell plants the links under its own pid, then becomes the job (exec keeps the pid): at the
        // temporary name each file had beside its report, and at the staging folder's name.
        let job = JobProcess.productsFolder.appendingPathComponent("kouka-report").path
        let plant = """
            for f in html json md xlsx; do ln -s "$VICTIM" "$FOLDER/.kouka-FY2024.$f.tmp-$$"; done
            ln -s "$VICTIM_FOLDER" "$OUTPUT/.FY2024.staging-$$"
            exec "$0" "$@"
            """
        let run = try ReportCity.run(executable: "/bin/sh", ["-c", plant, job] + city.report(at: "2025-05-01T05:00:00+09:00"), environment: [
            "VICTIM": victim.path, "VICTIM_FOLDER": victimFolder.path, "FOLDER": city.folder.path, "OUTPUT": city.output.path,
        ])
        #expect(run.result.exitCode == 0, "\(run.result.stderr)")
        #expect(try victimUntouched(victim), "the link's target keeps its bytes")
        #expect(try FileManager.default.contentsOfDirectory(atPath: victimFolder.path) == ["victim.txt"], "nothing is written into the folder a link points to")
        #expect(try FileManager.default.contentsOfDirectory(atPath: city.output.path) == ["FY2024"], "the planted links are gone")
        #expect(try ReportCity.sha256sumCheck(city.folder).exitCode == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: city.folder.path).allSatisfy { !$0.hasPrefix(".") })
    }

    @Test func aReportFolderThatIsALinkIsRefused() throws {
        let city = try ReportCity()
        defer { city.remove() }
        let victim = try Self.victim(city)
        #expect(try JobProcess.run("kouka-nightly", ["--config", city.config, "--quiet"]).exitCode == 0)
        try FileManager.default.createDirectory(at: city.output, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: city.folder.path, withDestinationPath: victim.deletingLastPathComponent().path)
        let refused = try JobProcess.run("kouka-report", city.report())
        #expect(refused.exitCode == 73)
        #expect(refused.stderr.contains("refusing to write \(city.folder.path): it is a symbolic link"), "\(refused.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: victim.deletingLastPathComponent().path) == ["victim.txt"])
        #expect(try victimUntouched(victim))
    }

    @Test func anOutputFolderThatIsALinkIsRefusedUntilTheConfigurationNamesWhereItPoints() throws {
        let city = try ReportCity()
        defer { city.remove() }
        #expect(try JobProcess.run("kouka-nightly", ["--config", city.config, "--quiet"]).exitCode == 0)
        let shared = city.root.appendingPathComponent("share/reports")
        try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: city.output.path, withDestinationPath: shared.path)
        let refused = try JobProcess.run("kouka-report", city.report())
        #expect(refused.exitCode == 73)
        #expect(refused.stderr.contains("refusing to write \(city.output.path): it is a symbolic link (to \(shared.path))"), "\(refused.stderr)")
        #expect(refused.stderr.contains("set output in kouka.toml (or --output) to the folder the link points to"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: shared.path) == [])

        try city.write("kouka.toml", "catalog = \"catalog.csv\"\noutput = \"share/reports\"\n[[source]]\nformat = \"power-automate-flowsession\"\npath = \"logs/*.json\"\n")
        #expect(try JobProcess.run("kouka-report", city.report()).exitCode == 0)
        #expect(try ReportCity.sha256sumCheck(shared.appendingPathComponent("FY2024")).exitCode == 0)
    }

    @Test func aDatabaseThatIsALinkIsRefusedByEveryJobUntilTheConfigurationNamesItsFile() throws {
        let city = try ReportCity()
        defer { city.remove() }
        #expect(try JobProcess.run("kouka-nightly", ["--config", city.config, "--quiet"]).exitCode == 0)
        let database = city.root.appendingPathComponent("kouka.sqlite")
        let moved = city.root.appendingPathComponent("store/kouka.sqlite")
        try FileManager.default.createDirectory(at: moved.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: database, to: moved)
        try FileManager.default.createSymbolicLink(atPath: database.path, withDestinationPath: moved.path)
        let bytes = try Data(contentsOf: moved)
        for (job, arguments) in [("kouka-nightly", ["--config", city.config]), ("kouka-report", city.report()),
                                 ("kouka-audit", ["verify", "--config", city.config])] {
            let refused = try JobProcess.run(job, arguments)
            #expect(refused.exitCode == 73, "\(job)")
            #expect(refused.stderr.contains("refusing to open the database \(database.path): it is a symbolic link (to \(moved.path))"), "\(job): \(refused.stderr)")
        }
        #expect(try Data(contentsOf: moved) == bytes)

        // A link at the write-ahead log's name is refused the same way.
        try FileManager.default.removeItem(at: database)
        try FileManager.default.moveItem(at: moved, to: database)
        let victim = try Self.victim(city)
        try FileManager.default.createSymbolicLink(atPath: database.path + "-wal", withDestinationPath: victim.path)
        let wal = try JobProcess.run("kouka-report", city.report())
        #expect(wal.exitCode == 73)
        #expect(wal.stderr.contains("refusing to open the database \(database.path)-wal: it is a symbolic link"), "\(wal.stderr)")
        #expect(try victimUntouched(victim))
        try FileManager.default.removeItem(atPath: database.path + "-wal")

        // The configuration naming the file where it is: no link, no refusal.
        try FileManager.default.moveItem(at: database, to: moved)
        try city.write("kouka.toml", "catalog = \"catalog.csv\"\ndatabase = \"store/kouka.sqlite\"\noutput = \"reports\"\n[[source]]\nformat = \"power-automate-flowsession\"\npath = \"logs/*.json\"\n")
        #expect(try JobProcess.run("kouka-nightly", ["--config", city.config, "--quiet"]).exitCode == 0)
        #expect(try JobProcess.run("kouka-report", city.report()).exitCode == 0)
    }

    @Test func aLockFileThatIsALinkIsRefusedAndItsTargetKept() throws {
        let city = try ReportCity()
        defer { city.remove() }
        let victim = try Self.victim(city)
        try FileManager.default.createSymbolicLink(atPath: city.root.appendingPathComponent("kouka.sqlite.lock").path, withDestinationPath: victim.path)
        let refused = try JobProcess.run("kouka-nightly", ["--config", city.config])
        #expect(refused.exitCode == 73)
        #expect(refused.stderr.contains("refusing to write \(city.root.path)/kouka.sqlite.lock: it is a symbolic link"), "\(refused.stderr)")
        #expect(try victimUntouched(victim), "the lock's open neither truncated nor wrote the link's target")
    }
}
