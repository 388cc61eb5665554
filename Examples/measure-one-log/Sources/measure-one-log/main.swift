import Foundation
import Kouka

// measure-one-log LOG FORMAT CATALOG FISCAL_YEAR [--json]
// Prints one fiscal year's hours saved from one log, by the code kouka-report uses.
let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 4, let fiscalYear = Int(arguments[3]) else {
    FileHandle.standardError.write(Data("usage: measure-one-log LOG FORMAT CATALOG FISCAL_YEAR [--json]\n".utf8))
    exit(64)
}
do {
    let figures = try Kouka.measure(
        logs: [LogFile(arguments[0], format: arguments[1])], catalog: arguments[2],
        fiscalYear: fiscalYear, timeZone: TimeZone(identifier: "Asia/Tokyo")!)
    if arguments.contains("--json") {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        print(String(decoding: try encoder.encode(figures), as: UTF8.self))
    } else {
        // Hours as the report rounds them (0.01 h); counts and units as they are.
        func number(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value) }
        print("\(figures.label) (\(figures.firstDay) – \(figures.lastDay)): \(number(figures.hoursSaved)) hours saved")
        for task in figures.tasks {
            print("  \(task.task) \(task.name) [\(task.department)]: \(number(task.hoursSaved)) h from \(number(task.units)) \(task.unit)")
        }
        for target in figures.targets {
            // No actual: the year's logs hold no record of the metric's tools, so its figure is unknown, not 0.
            let actual = target.actual.map(number) ?? "no records"
            print("  \(target.label): \(actual) of \(number(target.target))\(target.met ? " — met" : "")")
        }
        for source in figures.sources { print("  from \(source.path) (SHA-256 \(source.sha256))") }
    }
} catch {
    FileHandle.standardError.write(Data("measure-one-log: \(error)\n".utf8))
    exit(1)
}
