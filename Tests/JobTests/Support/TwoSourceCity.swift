import Foundation

/// A city with two sources of the same format in their own folders (`logs/a`, `logs/b`), for the tests of
/// how the jobs run on a server: summary files, monitoring, missing sources, report access.
struct TwoSourceCity {
    let city: SmallCity
    var root: URL { city.root }
    var config: String { city.config }

    /// `extra` is appended to the configuration; `required` marks source b `required = true`.
    init(_ name: String, extra: String = "", required: Bool = false) throws {
        city = try SmallCity(name)
        try city.write("catalog.csv", """
            task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match
            T01,住民税課税資料の取込,税務課,rpa,runs,30,0,2020-04-01,住民税_*

            """)
        try writeConfiguration(extra: extra, required: required)
    }

    func writeConfiguration(extra: String = "", required: Bool = false) throws {
        try city.write("kouka.toml", """
            catalog = "catalog.csv"
            \(extra)
            [[source]]
            format = "power-automate-flowsession"
            path = "logs/a/*.json"
            [[source]]
            format = "power-automate-flowsession"
            path = "logs/b/*.json"
            \(required ? "required = true" : "")

            """)
    }

    /// Writes `count` successful 30-minute-saving runs in May 2024 to `logs/<source>/<name>`.
    func writeLog(_ source: String, _ name: String, runs count: Int) throws {
        let runs = (0..<count).map { n in
            #"{"flowsessionid": "\#(source)\#(name)\#(n)", "name": "住民税_取込", "startedon": "2024-05-\#(String(format: "%02d", 1 + n % 28))T00:00:00Z", "runduration": 60, "statuscode": 4}"#
        }
        try city.write("logs/\(source)/\(name)", "[" + runs.joined(separator: ",\n") + "]")
    }

    func makeEmptyFolder(_ source: String) throws {
        try FileManager.default.createDirectory(at: root.appendingPathComponent("logs/\(source)"), withIntermediateDirectories: true)
    }

    func nightly(_ arguments: [String] = []) throws -> JobProcess.Result {
        try JobProcess.run("kouka-nightly", ["--config", config, "--quiet", "--today", "2024-06-01"] + arguments)
    }

    func path(_ name: String) -> String { root.appendingPathComponent(name).path }

    func remove() { city.remove() }
}
