import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// `[output] group` and `mode`: report files get the mode, folders the same with x where r is, and both the
/// group, whatever the umask the job was started with; a group that does not exist or that the user is not
/// in stops the run with 64 before any work.
@Suite(.serialized) struct OutputAccessTests {
    /// A group other than the user's own that the user may give files to (as root: any), or nil.
    static func otherGroup() -> String? {
        if geteuid() == 0 {
            return ["daemon", "adm", "users", "staff"].first { getgrnam($0) != nil }
        }
        var groups = [gid_t](repeating: 0, count: 64)
        let count = getgroups(64, &groups)
        guard count > 0 else { return nil }
        for id in groups.prefix(Int(count)) where id != getegid() {
            if let entry = getgrgid(id), let name = entry.pointee.gr_name { return String(cString: name) }
        }
        return nil
    }

    /// `stat -c '%a %G'` of every report file and folder under `reports`, by path relative to the city.
    static func stats(_ city: TwoSourceCity) throws -> [String: String] {
        let names = try FileManager.default.subpathsOfDirectory(atPath: city.path("reports")).filter { !$0.hasPrefix(".") }
        let paths = [city.path("reports")] + names.map { city.path("reports/\($0)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/stat")
        process.arguments = ["-c", "%n|%a %G"] + paths
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        var result: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "|")
            result[String(parts[0].dropFirst(city.root.path.count + 1))] = String(parts[1])
        }
        return result
    }

    @Test(arguments: [0o077, 0o022])
    func reportFilesAndFoldersGetTheConfiguredGroupAndModeWhateverTheUmask(umask mask: Int) throws {
        guard let group = Self.otherGroup() else { return }
        let city = try TwoSourceCity("output-access", extra: "[output]\npath = \"reports\"\ngroup = \"\(group)\"\nmode = \"0644\"\n")
        defer { city.remove() }
        try city.writeLog("a", "1.json", runs: 2)
        try city.writeLog("b", "1.json", runs: 1)
        #expect(try JobProcess.run("kouka-nightly", ["--config", city.config, "--quiet"], umask: mask).exitCode == 0)
        for period in [["--fiscal-year", "2024"], ["--month", "2024-05"]] {
            let report = try JobProcess.run("kouka-report", ["--config", city.config, "--quiet", "--generated-at", "2025-04-10T05:00:00+09:00"] + period,
                                            umask: mask)
            #expect(report.exitCode == 0, "\(report.stderr)")
        }
        let stats = try Self.stats(city)
        // A month's set: SHA256SUMS, HTML, JSON, Markdown, workbook, and the tasks, departments and review CSVs; the
        // FY2024 set also has the policy period's CSV.
        #expect(stats.count == 1 + (1 + 9) + (1 + 8), "the output folder, a year's set of nine files and a month's of eight: \(stats.keys.sorted())")
        for (path, stat) in stats {
            let folder = path == "reports" || path == "reports/FY2024" || path == "reports/2024-05"
            #expect(stat == (folder ? "755 \(group)" : "644 \(group)"), "\(path): \(stat)")
        }
    }

    @Test(arguments: [0o077, 0o022])
    func withoutOutputSettingsReportsStay0640In0750(umask mask: Int) throws {
        let city = try TwoSourceCity("output-default")
        defer { city.remove() }
        try city.writeLog("a", "1.json", runs: 2)
        try city.writeLog("b", "1.json", runs: 1)
        #expect(try JobProcess.run("kouka-nightly", ["--config", city.config, "--quiet"], umask: mask).exitCode == 0)
        let report = try JobProcess.run("kouka-report", ["--config", city.config, "--quiet", "--fiscal-year", "2024",
                                                         "--generated-at", "2025-04-10T05:00:00+09:00"], umask: mask)
        #expect(report.exitCode == 0)
        for (path, stat) in try Self.stats(city) {
            let folder = path == "reports" || path == "reports/FY2024"
            #expect(stat.hasPrefix(folder ? "750 " : "640 "), "\(path): \(stat)")
        }
    }

    @Test func anUnknownGroupExits64NamingIt() throws {
        let city = try TwoSourceCity("output-unknown-group", extra: "[output]\ngroup = \"kouka-no-such-group\"\n")
        defer { city.remove() }
        try city.writeLog("a", "1.json", runs: 1)
        try city.writeLog("b", "1.json", runs: 1)
        let run = try city.nightly()
        #expect(run.exitCode == 64)
        #expect(run.stderr.contains("output.group kouka-no-such-group is not a group on this system"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: city.path("kouka.sqlite")))
    }

    @Test func aGroupTheUserIsNotInExits64() throws {
        guard let group = ([String](["daemon", "adm", "users"])).first(where: { getgrnam($0) != nil }) else { return }
        let city = try TwoSourceCity("output-foreign-group", extra: "[output]\ngroup = \"\(group)\"\n")
        defer { city.remove() }
        try city.writeLog("a", "1.json", runs: 1)
        try city.writeLog("b", "1.json", runs: 1)
        // As root, the job runs as nobody with no supplementary groups; otherwise as the user, if not in the group.
        if geteuid() != 0, Self.otherGroup() == group { return }
        let run = try JobProcess.runUnprivileged("kouka-report", ["--config", city.config, "--fiscal-year", "2024"])
        #expect(run.exitCode == 64)
        #expect(run.stderr.contains("output.group \(group): the job's user is not in it"), "\(run.stderr)")
    }

    @Test(arguments: ["0755", "0400", "abc", "01640"])
    func aModeThatIsNotAReportFileModeExits64(mode: String) throws {
        let city = try TwoSourceCity("output-bad-mode", extra: "[output]\nmode = \"\(mode)\"\n")
        defer { city.remove() }
        let run = try city.nightly()
        #expect(run.exitCode == 64)
        #expect(run.stderr.contains("output.mode"), "\(run.stderr)")
    }
}
