import Foundation

/// Compares two reports field by field — every figure of the JSON a report writes, not a chosen few — and
/// names each difference by its path: `tasks[T01|税務課|rpa|runs].hoursSaved`. Lists are matched by what
/// their lines are (a task by task, department, system and unit; a month by month…), not by position.
package enum ReportComparison {
    /// One field that differs: its path, and each side's value as JSON text ("none" when it is missing).
    package struct FieldDifference: Equatable {
        package var field: String
        package var found: String
        package var expected: String
    }

    /// Fields that say when and by what a report was made, or that depend on the day it was made (the
    /// projection, the sources that matched no file that day), or that the ledger checks compare file by file
    /// (the sources): not figures to compare. The policy period, the path to the target and the new systems
    /// depend on the day too (what is actual and what 見込み), and the new systems on the register, which is not
    /// in the store.
    /// The tool review is not compared either: it restates the store's rollups (compared key by key, with their
    /// quality counts, by `RollupComparison`) over several years, and a store read before quality counts were kept
    /// rightly has none where the logs read again have them. The restatements are the history of the sets replaced, whose
    /// figures the store no longer gives.
    static let notCompared: Set<String> = ["generatedAt", "koukaVersion", "projection", "sources", "sourcesMissing", "runsStillRunning", "policyPeriod", "targetPath", "newSystems", "yearToDate", "review", "restatements", "preliminary", "asOf", "aiTasksMinimumUses"]

    static func differences(found: YearReport, expected: YearReport) throws -> [FieldDifference] {
        // Equal in every field compared: nothing differs. Turning a city's reports into JSON (each lists every one
        // of its files) is kept for the reports that differ, to name their fields.
        if withoutFieldsNotCompared(found) == withoutFieldsNotCompared(expected) { return [] }
        return differences(found: try tree(found), expected: try tree(expected))
    }

    /// The store's report against the one the logs read again give: as `differences(found:expected:)`, but for the files
    /// each task's runs came from. Of two files holding one run, the store's counts it in the file that counted it first,
    /// a fresh reading in the file it records first; where exports arrived in another order (or one was saved over
    /// since) they differ, with every figure the same (the rollups are compared as a group, `RollupComparison`). A
    /// written report's list of them is still compared with the store's.
    static func differencesAsCounted(found: YearReport, expected: YearReport) throws -> [FieldDifference] {
        func withoutTaskSources(_ report: YearReport) -> YearReport {
            var report = report
            for index in report.tasks.indices { report.tasks[index].sources = [] }
            return report
        }
        return try differences(found: withoutTaskSources(found), expected: withoutTaskSources(expected))
    }

    /// `report` with the fields of `notCompared` emptied.
    static func withoutFieldsNotCompared(_ report: YearReport) -> YearReport {
        var report = report
        report.generatedAt = ""
        report.koukaVersion = ""
        report.projection = nil
        report.sources = []
        report.sourcesMissing = nil
        report.runsStillRunning = nil
        report.policyPeriod = nil
        report.targetPath = nil
        report.newSystems = nil
        report.yearToDate = nil
        report.review = nil
        report.restatements = nil
        report.preliminary = nil
        report.asOf = nil
        report.aiTasksMinimumUses = nil
        return report
    }

    /// `found` as the JSON object a report file holds, against `expected`.
    static func differences(found: Any, expected: YearReport) throws -> [FieldDifference] {
        try differences(found: found, expected: tree(expected))
    }

    /// `found`, a section of a written report's JSON as parsed, against `expected` (nil: the store has no such section),
    /// each difference named under `path`.
    static func differences(found: Any?, expected: (some Encodable)?, path: String) throws -> [FieldDifference] {
        var out: [FieldDifference] = []
        compare(found, try expected.map { try JSONSerialization.jsonObject(with: JSONEncoder().encode($0)) }, path: path, into: &out)
        return out
    }

    static func tree(_ report: YearReport) throws -> Any {
        try JSONSerialization.jsonObject(with: JSONEncoder().encode(report))
    }

    private static func differences(found: Any, expected: Any) -> [FieldDifference] {
        var out: [FieldDifference] = []
        compare(found, expected, path: "", into: &out, top: true)
        return out
    }

    private static func compare(_ found: Any?, _ expected: Any?, path: String, into out: inout [FieldDifference], top: Bool = false) {
        switch (found, expected) {
        case let (f as [String: Any], e as [String: Any]):
            for key in Set(f.keys).union(e.keys).sorted() where !(top && notCompared.contains(key)) {
                compare(f[key], e[key], path: path.isEmpty ? key : "\(path).\(key)", into: &out)
            }
        case let (f as [Any], e as [Any]):
            let fByID = identified(f), eByID = identified(e)
            for id in Set(fByID.keys).union(eByID.keys).sorted() {
                compare(fByID[id], eByID[id], path: "\(path)[\(id)]", into: &out)
            }
        default:
            if !same(found, expected) { out.append(FieldDifference(field: path, found: text(found), expected: text(expected))) }
        }
    }

    /// The lines of a list by what each is: the first of these sets of fields that a line has.
    private static let identities: [[String]] = [
        ["task", "department", "system", "unit"], ["system", "unit"], ["metric"], ["month"], ["task", "validFrom"], ["line"], ["system", "name"],
        ["task", "name", "logUnit"], ["department"], ["task"], ["path"],
    ]

    private static func identified(_ list: [Any]) -> [String: Any] {
        var result: [String: Any] = [:]
        for (index, element) in list.enumerated() {
            var id = String(index)
            if let object = element as? [String: Any],
               let fields = identities.first(where: { $0.allSatisfy { object[$0] != nil } }) {
                id = fields.map { "\(object[$0]!)" }.joined(separator: "|")
            } else if let scalar = element as? String {
                id = scalar
            }
            // Two lines with one identity are told apart by position, never merged.
            while result[id] != nil { id += "#" }
            result[id] = element
        }
        return result
    }

    private static func same(_ a: Any?, _ b: Any?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (x as NSNumber, y as NSNumber):
            // Booleans are NSNumbers too: compared as numbers they are 0 and 1, which is what they mean.
            return abs(x.doubleValue - y.doubleValue) <= 1e-9 * max(1, abs(y.doubleValue))
        case let (x as String, y as String): return x == y
        case (is NSNull, is NSNull): return true
        default: return false
        }
    }

    private static func text(_ value: Any?) -> String {
        guard let value, !(value is NSNull) else { return "none" }
        if let string = value as? String { return string }
        if let number = value as? NSNumber { return number.stringValue }
        guard JSONSerialization.isValidJSONObject(value) else { return "\(value)" }
        do {
            return String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
        } catch {
            return "\(value)"
        }
    }
}
