import Foundation

/// A city of a few files in a temporary folder, for job tests whose figures are computed by hand: a catalog,
/// a configuration and logs, written as text, then the built jobs run on them.
struct SmallCity {
    let root: URL

    init(_ name: String) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kouka-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    var config: String { root.appendingPathComponent("kouka.toml").path }

    /// Writes `text` (UTF-8) to `name` under the city's folder, making its folders.
    func write(_ name: String, _ text: String) throws {
        let url = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func nightly(_ arguments: [String] = []) throws -> JobProcess.Result { try JobProcess.run("kouka-nightly", ["--config", config] + arguments) }

    /// Runs `kouka-report` for `fiscalYear` and returns its exit code and the JSON report it wrote.
    func report(_ fiscalYear: Int) throws -> (exitCode: Int32, json: [String: Any]) {
        let result = try JobProcess.run("kouka-report", ["--config", config, "--fiscal-year", "\(fiscalYear)", "--quiet",
                                                         "--generated-at", "\(fiscalYear + 1)-04-10T05:00:00+09:00"])
        let file = root.appendingPathComponent("reports/FY\(fiscalYear)/kouka-FY\(fiscalYear).json")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any] ?? [:]
        return (result.exitCode, json)
    }

    /// The report's task lines, by task id.
    static func tasks(_ json: [String: Any]) -> [String: [String: Any]] {
        var lines: [String: [String: Any]] = [:]
        for line in json["tasks"] as? [[String: Any]] ?? [] { lines[line["task"] as? String ?? ""] = line }
        return lines
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}
