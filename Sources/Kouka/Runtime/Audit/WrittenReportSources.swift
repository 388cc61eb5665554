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
        /// Their paths.
        package var changedPaths: Set<String> = []
        /// The fields of files with the same bytes in both lists that differ, and of files the list states otherwise than the
        /// store though no nightly run read them since the report was made.
        package var differences: [ReportComparison.FieldDifference] = []

        mutating func change(_ path: String, _ why: String) {
            changed.append("\(path) (\(why))")
            changedPaths.insert(path)
        }
    }

    /// `readSince`: whether a nightly run that started after the report was made read the file at a path (or deleted it):
    /// only such a file can be listed otherwise by an honest report. Another is stated otherwise than the store has it (a
    /// forged SHA-256 moves a file out of the line-by-line comparison, helper-90's fake-sha-hides-source-lines.sh).
    /// `neverRead`: whether no nightly run ever read a file's given bytes at its path, as far as the store can tell (it keeps
    /// every path and SHA-256 its ledger held since it began keeping them): a set listing such bytes was not made from this
    /// store's readings, however late its stated time makes a later reading look (helper-198 #1: a set made from forged logs,
    /// its generatedAt set back before the night that read the file, was named outdated, not edited).
    package static func compare(_ written: Any, store: [SourceLine], readSince: (String) -> Bool,
                                neverRead: (_ sha256: String, _ path: String) throws -> Bool = { _, _ in false }) throws -> Comparison {
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
            guard let line = found[path] else {
                if readSince(path) { result.change(path, "counted now, not by the report") } else {
                    result.differences.append(.init(field: "sources[\(path)]", found: "none", expected: "listed"))
                }
                continue
            }
            guard let now = expected[path] else {
                if readSince(path) { result.change(path, "counted by the report, not now") } else {
                    result.differences.append(.init(field: "sources[\(path)]", found: "listed", expected: "none"))
                }
                continue
            }
            let sha256 = "\(line["sha256"] ?? "")"
            guard sha256 == now.sha256 else {
                // Only a file the set counted from its bytes (not one it listed unreadable, rejected or a copy) was read by a night.
                let counted = ["present", "gone"].contains("\(line["status"] ?? "")")
                if readSince(path), try !counted || !neverRead(sha256, path) { result.change(path, "other bytes now") } else {
                    result.differences.append(.init(field: "sources[\(path)].sha256", found: sha256, expected: now.sha256))
                }
                continue
            }
            let status = "\(line["status"] ?? "")"
            if status != now.status {
                // A file deleted since the report keeps its figures in the store (`gone`): the report is older, not wrong; so
                // is one put back and read again since.
                if (status == "present" && now.status == "gone") || readSince(path) {
                    result.change(path, now.status == "gone" ? "deleted since" : "\(status) then, \(now.status) now")
                    continue
                }
                result.differences.append(.init(field: "sources[\(path)].status", found: status, expected: now.status))
            }
            var writtenLine = line
            writtenLine["status"] = now.status
            let stated = try ReportComparison.differences(found: writtenLine, expected: now, path: "sources[\(path)]")
            // The same bytes read again since (for a run another file now holds ended, or with other settings) may count
            // otherwise: the report is older than the store, not edited (helper-131: a run moved to the next fiscal year by
            // the export holding its end, and every figure of the year named as changed behind Kouka's back).
            if !stated.isEmpty, readSince(path) {
                result.change(path, "read again since, counting otherwise")
                continue
            }
            result.differences += stated
        }
        return result
    }
}
