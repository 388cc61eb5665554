import Foundation

/// A written report's list of the files it counted (`sources`: path, SHA-256, format, rows, accepted, rejected…) against
/// the store's list for the same period. A file whose bytes changed since, or that one list has and the other has not, makes
/// the report older than the store; a file with the same bytes must be stated as the store states it, line for line: the
/// rows a report says it rejected, and where, are what an auditor traces its figures to (helper-89's
/// report-source-lines-not-compared.sh: a set rendered from an edited store moved a rejected row to another file).
package enum WrittenReportSources {
    package struct Comparison {
        /// The files of either list that the other has with other bytes, or not at all, or that were deleted since:
        /// each as `path (why)`.
        package var changed: [String] = []
        /// The fields of files with the same bytes in both lists that differ.
        package var differences: [ReportComparison.FieldDifference] = []
    }

    package static func compare(_ written: Any, store: [SourceLine]) throws -> Comparison {
        let lines = (written as? [String: Any])?["sources"] as? [[String: Any]] ?? []
        var found: [String: [String: Any]] = [:]
        for line in lines {
            // Two lines of one path: the second is compared as a file the store does not list.
            let path = "\(line["path"] ?? "")"
            found[found[path] == nil ? path : path + "#"] = line
        }
        let expected = Dictionary(store.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        var result = Comparison()
        for path in Set(found.keys).union(expected.keys).sorted() {
            guard let line = found[path] else { result.changed.append("\(path) (counted now, not by the report)"); continue }
            guard let now = expected[path] else { result.changed.append("\(path) (counted by the report, not now)"); continue }
            guard "\(line["sha256"] ?? "")" == now.sha256 else { result.changed.append("\(path) (other bytes now)"); continue }
            let status = "\(line["status"] ?? "")"
            if status != now.status {
                // A file deleted since the report keeps its figures in the store (`gone`): the report is older, not wrong.
                if status == "present" && now.status == "gone" { result.changed.append("\(path) (deleted since)"); continue }
                result.differences.append(.init(field: "sources[\(path)].status", found: status, expected: now.status))
            }
            var writtenLine = line
            writtenLine["status"] = now.status
            result.differences += try ReportComparison.differences(found: writtenLine, expected: now, path: "sources[\(path)]")
        }
        return result
    }
}
