import Foundation

/// A written report set's other files against its JSON: the JSON is compared with the store figure by figure
/// (`WrittenReportCheck`); the Markdown, HTML, CSV files and workbook that auditors and departments read are what
/// `kouka-report` renders from that same report, byte for byte. A figure edited in one of them, with `SHA256SUMS` made
/// again to match, is found here: rendering the JSON again does not give the file.
enum WrittenReportRendering {
    /// Compares each file of the set in `folder` that `kouka-report` writes with what the report in `json` (the set's
    /// JSON file, at `jsonPath`) renders to: a fiscal year's or a month's. Returns the report its JSON reads as; nil when
    /// it does not read as one (a difference then).
    @discardableResult
    static func compare(folder: String, stem: String, json: Data, jsonPath: String, rerun: String, into summary: inout VerifySummary,
                        versionRequired: (_ stated: String, _ generatedAt: String) -> String? = { _, _ in nil }) throws -> YearReport? {
        try compare(YearReport.self, folder: folder, json: json, jsonPath: jsonPath, rerun: rerun, into: &summary,
                    generatedAt: \.generatedAt, version: \.koukaVersion, texts: { try ReportRendering.texts($0, stem: stem, shiftJIS: $1) },
                    workbook: (ReportRendering.workbookName(stem: stem), { report, path, created throws(XLSXError) in
                        try XLSXReportWriter.write(report, to: path, created: created)
                    }), versionRequired: versionRequired)
    }

    /// The same for a report of type `Report`: `texts` renders every file but the workbook (given whether the set has
    /// Shift_JIS copies of its CSV files), `workbook` names and writes the workbook. Returns the report the JSON holds;
    /// nil when it does not read as one (a difference then).
    @discardableResult
    static func compare<Report: Decodable>(
        _: Report.Type, folder: String, json: Data, jsonPath: String, rerun: String, into summary: inout VerifySummary,
        generatedAt: (Report) -> String, version: (Report) -> String, texts: (Report, Bool) throws -> [(name: String, data: Data)],
        workbook: (name: String, write: (Report, String, Date) throws(XLSXError) -> Void),
        versionRequired: (_ stated: String, _ generatedAt: String) -> String? = { _, _ in nil }
    ) throws -> Report? {
        let report: Report
        do { report = try JSONDecoder().decode(Report.self, from: json) } catch {
            summary.differences.append(.init(kind: "written-report", subject: jsonPath, field: "file", found: "not a report Kouka wrote", foundIn: "report",
                                             expected: "the report as kouka-report writes it", expectedFrom: "report",
                                             detail: "the report's JSON does not read as a report (\(error)): it was edited after it was written; re-run \(rerun)"))
            return nil
        }
        guard version(report) == KoukaVersion.current else {
            // Its files are then checked against SHA256SUMS only: the JSON's version label edited, with a figure edited
            // in a file people read and SHA256SUMS made again, passed. The HTML states the version too.
            for name in try texts(report, false).map(\.name) where name.hasSuffix(".html") {
                let path = (folder as NSString).appendingPathComponent(name)
                guard let html = FileManager.default.contents(atPath: path), let stated = statedVersion(inHTML: html), stated != version(report) else { continue }
                summary.differences.append(.init(kind: "written-report", subject: jsonPath, field: "koukaVersion", found: version(report), foundIn: "report",
                                                 expected: stated, expectedFrom: "report",
                                                 detail: "the set's JSON says Kouka \(version(report)) wrote it, its HTML (\(name)) says Kouka \(stated): one of them was edited after the set was written, and the set's other files, checked only against SHA256SUMS for a set of another version, may have been edited with it; re-run \(rerun)"))
            }
            // A set stating a later version than this one: its files cannot be checked by this one's rules, and the label
            // may have been edited to a version that never read the store so that they would not be (helper-110 #1).
            if !KoukaVersion.isWritten(version(report)) {
                // `0.5.09` is this version by its numbers, not by its label: neither another version's set nor this one's.
                summary.differences.append(.init(kind: "written-report", subject: jsonPath, field: "koukaVersion", found: version(report), foundIn: "report",
                                                 expected: "a version as Kouka writes it (\(KoukaVersion.current))", expectedFrom: "kouka-audit",
                                                 detail: "the set's version is not written as any Kouka writes one: it was edited after the set was written, so that its files would not be checked by this version's rules; keep the set as evidence, then re-run \(rerun)"))
            } else if KoukaVersion.isBefore(KoukaVersion.current, version(report)) {
                summary.differences.append(.init(kind: "written-report", subject: jsonPath, field: "koukaVersion", found: version(report), foundIn: "report",
                                                 expected: "\(KoukaVersion.current) or earlier", expectedFrom: "kouka-audit",
                                                 detail: "the set says a later Kouka (\(version(report))) made it than this kouka-audit (\(KoukaVersion.current)), which cannot check its files by that version's rules: verify with Kouka \(version(report)) or later; if no such Kouka was ever installed, its version was edited: keep the set as evidence, then re-run \(rerun)"))
            } else if !WrittenReportVersion.statesATime(generatedAt(report)) {
                // Without the time it was made at, as kouka-report writes it (a date and time with its offset), a set of another
                // version could not be held to the versions that had read the store by then: a bare date reads as its midnight
                // (helper-113 #2, helper-114 #6).
                summary.differences.append(.init(kind: "written-report", subject: jsonPath, field: "generatedAt", found: generatedAt(report), foundIn: "report",
                                                 expected: "the time the set was made, as kouka-report writes it", expectedFrom: "report",
                                                 detail: "the set's generatedAt is not a time: it was edited after the set was written, and the set's other files, checked only against SHA256SUMS for a set of another version, may have been edited with it; keep the set as evidence, then re-run \(rerun)"))
            } else if let required = versionRequired(version(report), generatedAt(report)) {
                summary.differences.append(.init(kind: "written-report", subject: jsonPath, field: "koukaVersion", found: version(report), foundIn: "report",
                                                 expected: "\(required) or later", expectedFrom: "store",
                                                 detail: "the set says Kouka \(version(report)) made it at \(generatedAt(report)), after Kouka \(required) had read this store (a version before it refuses the store, or from 0.5.9 no longer makes its reports where the nightly job is that version): if an earlier Kouka still made reports then (a machine not upgraded, a rollback), upgrade it and re-run \(rerun); else its version was edited, so that its files would be checked by that version's rules: keep the set as evidence, then re-run \(rerun)"))
            }
            summary.reportsRenderedByAnotherVersion.append(jsonPath)
            return report
        }
        let present = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
        let shiftJIS = present.contains { $0.hasSuffix("-sjis.csv") }
        // Every file this version writes for the set must be there: one removed, with SHA256SUMS made again, is named.
        let expected = try texts(report, shiftJIS)
        for name in expected.map(\.name) + [workbook.name] where !present.contains(name) {
            summary.differences.append(.init(kind: "written-report", subject: (folder as NSString).appendingPathComponent(name), field: "file", found: "none",
                                             foundIn: "report", expected: "the file kouka-report writes with \((jsonPath as NSString).lastPathComponent)", expectedFrom: "report",
                                             detail: "this file of the report set is missing: it was removed after the set was written; re-run \(rerun)"))
        }
        // And nothing else: a file added to the set (a "final" CSV with other figures, listed in SHA256SUMS made again)
        // is read as part of the signed report, though kouka-report never wrote it.
        let written = Set(expected.map(\.name) + [workbook.name, (jsonPath as NSString).lastPathComponent, ReportManifest.fileName])
        for name in present.sorted() where !written.contains(name) {
            summary.differences.append(.init(kind: "written-report", subject: (folder as NSString).appendingPathComponent(name), field: "file", found: name,
                                             foundIn: "report", expected: "none", expectedFrom: "report",
                                             detail: "this file is not one kouka-report writes for the set, whatever SHA256SUMS lists: it was added after the set was written. Move it out of the folder and keep it (it may be evidence: re-running \(rerun) replaces the set as a whole, and this file with it)"))
        }
        for (name, data) in expected where present.contains(name) {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let written = FileManager.default.contents(atPath: path) else {
                throw OutputError(path: path, reason: "cannot read the written report file to check it")
            }
            if written != data { summary.differences.append(difference(path, jsonPath: jsonPath, rerun: rerun)) }
        }
        guard present.contains(workbook.name) else { return report }
        let path = (folder as NSString).appendingPathComponent(workbook.name)
        guard let created = ISO8601DateFormatter().date(from: generatedAt(report)) else {
            summary.differences.append(.init(kind: "written-report", subject: jsonPath, field: "generatedAt", found: generatedAt(report), foundIn: "report",
                                             expected: "an ISO 8601 time", expectedFrom: "report",
                                             detail: "the report's generation time does not read as a time: it was edited after it was written; re-run \(rerun)"))
            return report
        }
        // Rendered again into a temporary file, with the creation time the report states.
        let temporary = VerifyTemporaries.path(suffix: ".xlsx").path
        defer { Discard.temporary(URL(fileURLWithPath: temporary)) }
        do { try workbook.write(report, temporary, created) } catch {
            throw OutputError(path: temporary, reason: "cannot render the workbook again to check it: \(error.reason)")
        }
        guard let written = FileManager.default.contents(atPath: path) else {
            throw OutputError(path: path, reason: "cannot read the written workbook to check it")
        }
        guard let rendered = FileManager.default.contents(atPath: temporary) else {
            throw OutputError(path: temporary, reason: "cannot read the workbook rendered again to check it")
        }
        if written != rendered { summary.differences.append(difference(path, jsonPath: jsonPath, rerun: rerun)) }
        return report
    }

    /// The Kouka version a report's HTML states in its heading (`・Kouka 0.4.7`); nil when it states none.
    static func statedVersion(inHTML data: Data) -> String? {
        let html = String(decoding: data, as: UTF8.self)
        guard let marker = html.range(of: "・Kouka ") else { return nil }
        let version = html[marker.upperBound...].prefix { $0 != "<" && $0 != "・" }
        return version.isEmpty ? nil : String(version)
    }

    /// Whether `difference` names a file of the set that is not what the set's JSON renders to.
    static func isOtherBytes(_ difference: VerifySummary.Difference) -> Bool {
        difference.kind == "written-report" && difference.field == "file" && difference.found == "other bytes"
    }

    private static func difference(_ path: String, jsonPath: String, rerun: String) -> VerifySummary.Difference {
        .init(kind: "written-report", subject: path, field: "file", found: "other bytes", foundIn: "report", expected: "the rendering of \((jsonPath as NSString).lastPathComponent)",
              expectedFrom: "report",
              detail: "this file of the report set is not what kouka-report writes from the set's JSON: it or the JSON was edited after the set was written (a figure changed in a file people read, whatever SHA256SUMS says; when only the JSON is named otherwise, as outdated, it is the JSON that was edited); re-run \(rerun)")
    }
}
