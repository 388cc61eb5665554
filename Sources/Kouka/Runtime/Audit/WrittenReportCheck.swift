import Foundation

/// A written report (a fiscal year's or a month's) against the store's figures. A report that does not parse is a
/// difference, never a skip; one that lists other source files than the store counts now, or was made with another
/// catalog, is older than the store (re-run `kouka-report`); one with the same sources and catalog and other figures
/// was changed after it was written.
enum WrittenReportCheck {
    /// `storeYear` gives the store's report of a fiscal year, for the period section's years that were over.
    /// `storeYearToDate` gives a month's year-to-date section as the store has it as of a day (`WrittenYearToDateCheck`).
    /// `asOfDay` gives the store's report of a year or a month as of a day (the day a written report states): its departments
    /// compared with the same days of the year before, and a year's new systems and licences, as of that day
    /// (`ReportContext.asStated(_:asOf:period:)`).
    static func compare(_ period: ReportPeriod, outputPath: String, store: YearReport, ledgerPaths: Set<String>, targets: TargetTable,
                        storeYear: (Int) throws -> YearReport, storeYearToDate: (ReportPeriod, LocalDate) throws -> YearToDate?,
                        asOfDay: (YearReport, LocalDate, ReportPeriod) throws -> YearReport = { report, _, _ in report },
                        readSince: (String, String) -> Bool = { _, _ in false },
                        storeReview: (ReportPeriod, YearReport, LocalDate) throws -> ToolReview? = { _, _, _ in nil },
                        partsOf: [String: [String]] = [:], catalogRowSeen: (([String: Any]) -> Bool)? = nil, movedTo: [String: String] = [:],
                        versionRequired: (_ stated: String, _ generatedAt: String) -> String? = { _, _ in nil },
                        neverRead: (_ generatedAt: String, _ sha256: String, _ path: String) throws -> Bool = { _, _, _ in false },
                        into summary: inout VerifySummary) throws {
        // kouka-report puts a new set in the folder's place in one step, but a set read file by file while it does gives
        // the JSON of one set and the other files of the next: read again until the folder is the same before and after.
        let folder = (outputPath as NSString).appendingPathComponent(period.stem)
        for attempt in 1...3 {
            let before = folderInode(folder)
            var found = VerifySummary()
            try compareOnce(period, outputPath: outputPath, store: store, ledgerPaths: ledgerPaths, targets: targets, storeYear: storeYear,
                            storeYearToDate: storeYearToDate, asOfDay: asOfDay, readSince: readSince,
                            storeReview: storeReview, partsOf: partsOf, catalogRowSeen: catalogRowSeen, movedTo: movedTo,
                            versionRequired: versionRequired, neverRead: neverRead, into: &found)
            guard folderInode(folder) != before, attempt < 3 else {
                summary.reportsChecked += found.reportsChecked
                summary.reportsRenderedByAnotherVersion += found.reportsRenderedByAnotherVersion
                summary.reportsStillHolding += found.reportsStillHolding
                summary.differences += found.differences
                return
            }
        }
    }

    /// The folder's inode: another once a new set was put in its place (`FileStatus` is of regular files only).
    private static func folderInode(_ path: String) -> UInt64? {
        var info = stat()
        return stat(path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    private static func compareOnce(_ period: ReportPeriod, outputPath: String, store: YearReport, ledgerPaths: Set<String>, targets: TargetTable,
                                    storeYear: (Int) throws -> YearReport, storeYearToDate: (ReportPeriod, LocalDate) throws -> YearToDate?,
                                    asOfDay: (YearReport, LocalDate, ReportPeriod) throws -> YearReport, readSince: (String, String) -> Bool,
                                    storeReview: (ReportPeriod, YearReport, LocalDate) throws -> ToolReview?, partsOf: [String: [String]],
                                    catalogRowSeen: (([String: Any]) -> Bool)?, movedTo: [String: String],
                                    versionRequired: (String, String) -> String?, neverRead: (String, String, String) throws -> Bool,
                                    into summary: inout VerifySummary) throws {
        let path = (outputPath as NSString).appendingPathComponent("\(period.stem)/kouka-\(period.stem).json")
        guard let data = FileManager.default.contents(atPath: path) else { return }
        summary.reportsChecked.append(path)
        let rerun = switch period {
        case let .fiscalYear(year): "kouka-report --fiscal-year \(year.startYear)"
        case .month: "kouka-report --month \(period.stem)"
        }
        let parsed: Any
        do { parsed = try JSONSerialization.jsonObject(with: data) } catch {
            summary.differences.append(.init(kind: "written-report-unreadable", subject: path, found: "not JSON", foundIn: "report",
                                             expected: "the \(period.stem) report", expectedFrom: "store",
                                             detail: "the report file is not a report: it was replaced or damaged; re-run \(rerun)"))
            return
        }
        // The files people read say what the JSON says, whether or not the JSON is still the store's; named after what
        // the JSON itself is found to say.
        var rendering = VerifySummary()
        let decoded = try WrittenReportRendering.compare(folder: (outputPath as NSString).appendingPathComponent(period.stem), stem: "kouka-\(period.stem)", json: data,
                                           jsonPath: path, rerun: rerun, into: &rendering, versionRequired: versionRequired)
        defer {
            summary.differences += rendering.differences
            summary.reportsRenderedByAnotherVersion += rendering.reportsRenderedByAnotherVersion
        }
        // A file the signed report counted must still be in the ledger: a line removed takes its runs out of
        // every later report, and re-running the report would only hide it.
        // A file renamed since (its bytes counted under the new name, `filesRenamed`) makes the report outdated, not the store.
        let renamedTo = Dictionary(store.sources.filter { !$0.sha256.isEmpty && $0.status != "duplicate" }.map { ($0.sha256, $0.path) }, uniquingKeysWith: min)
        let shaAt = Dictionary(store.sources.map { ($0.path, $0.sha256) }, uniquingKeysWith: { first, _ in first })
        // What changed since the report was made that makes it state other figures than the store gives now without anyone
        // having edited it, and the fields each change explains by itself.
        var reasons: [VerifySummary.Difference] = []
        var renamed: [String: String] = [:]
        for line in sources(of: parsed).sorted() {
            let bar = line.lastIndex(of: "|")!
            let path = String(line[..<bar]), sha256 = String(line[line.index(after: bar)...])
            // A path whose line holds other bytes now, the report's being counted under another name, was rotated (`mv log
            // log.old`, a new log at the old name): moved as a rename is. Taken for a file changed in place, the report was
            // named outdated though every figure holds (helper-133).
            if ledgerPaths.contains(path), shaAt[path] == sha256 || renamedTo[sha256].map({ $0 == path }) ?? true { continue }
            if let now = renamedTo[sha256] {
                reasons.append(.init(kind: "written-report-outdated", subject: path, field: "path", found: path, foundIn: "report", expected: now,
                                     expectedFrom: "store",
                                     detail: "the written \(period.stem) report counts this file under the name it had: the store counts the same bytes as \(now), the name it was moved to; re-run \(rerun)"))
                renamed[path] = now
                continue
            }
            // Moved and grown since (an export appended to, then archived): the nightly run moved its line, and kept the path
            // (helper-91's grown-then-renamed-ledger-false-alarm.sh: named as a line removed behind Kouka's back).
            if let now = movedTo[path], ledgerPaths.contains(now) {
                reasons.append(.init(kind: "written-report-outdated", subject: path, field: "path", found: path, foundIn: "report", expected: now,
                                     expectedFrom: "store",
                                     detail: "the written \(period.stem) report counts this file under the name it had: a nightly run found it moved to \(now), and it has changed since; re-run \(rerun)"))
                renamed[path] = now
                continue
            }
            summary.differences.append(.init(kind: "ledger", subject: path, field: "line", found: "none", expected: "a ledger line", expectedFrom: "report",
                                             detail: "the written \(period.stem) report counts this file but the store's ledger has no line for it: the line was removed behind Kouka's back, or the store was replaced"))
        }
        // A renamed file's figures are its bytes': the report is compared as if it had named the file as the store does now.
        let written = renamed.isEmpty ? parsed : Self.withoutCopiesMovedInto(Self.renaming(parsed, renamed), Set(renamed.values))
        let json = written as? [String: Any] ?? [:]
        let version = json["koukaVersion"] as? String
        var settled: Set<String> = []
        let generatedAt = json["generatedAt"] as? String ?? ""
        let sourceCheck = try WrittenReportSources.compare(written, store: store.sources, readSince: { readSince(generatedAt, $0) },
                                                           neverRead: { try neverRead(generatedAt, $0, $1) })
        // The copies left out are files of the list too.
        if !sourceCheck.changed.isEmpty || !renamed.isEmpty { settled.insert("exclusions.duplicateFiles") }
        if !sourceCheck.changed.isEmpty {
            reasons.append(.init(kind: "written-report-outdated", subject: path, field: "sources", found: Self.sourcesListed(sourceCheck.changed), foundIn: "report",
                                 expectedFrom: "store", detail: "the report was written from other source files than the store counts now: re-run \(rerun)"))
        }
        let catalog = (json["catalog"] as? [String: Any])?["sha256"] as? String
        if catalog != store.catalog.sha256 {
            reasons.append(.init(kind: "written-report-outdated", subject: path, field: "catalog.sha256", found: catalog ?? "none", foundIn: "report",
                                 expected: store.catalog.sha256, expectedFrom: "store",
                                 detail: "the report was made with another task catalog than kouka.toml names now: re-run \(rerun)"))
            settled.insert("catalog.sha256")
            // A row's line moves when rows are added or sorted above it; its baselines are what it states.
            settled.formUnion(Set(((json["catalog"] as? [String: Any])?["rows"] as? [[String: Any]] ?? []).map { "catalog.rows[\($0["task"] ?? "")|\($0["validFrom"] ?? "")].line" }))
        }
        let zone = json["timezone"] as? String
        if zone != store.timezone {
            reasons.append(.init(kind: "written-report-outdated", subject: path, field: "timezone", found: zone ?? "none", foundIn: "report",
                                 expected: store.timezone, expectedFrom: "store",
                                 detail: "the report dated its runs in another time zone than kouka.toml gives now: re-run \(rerun)"))
            settled.insert("timezone")
        }
        // As of the day the report states: its new systems, and a year under way's licences of the months begun then.
        let storeAsWritten = try Self.asWrittenDay(written, period: period, store: store, asOfDay: asOfDay)
        for change in WrittenReportSettings.changed(written, store: storeAsWritten) {
            reasons.append(.init(kind: "written-report-outdated", subject: path, field: change.name, found: change.found, foundIn: "report",
                                 expected: change.expected, expectedFrom: "configuration",
                                 detail: "the report was made with other targets, money settings, [ai_tasks] minimum_uses, [office_hours], review rules or systems register than the configuration gives now: re-run \(rerun); if kouka.toml and the register were not changed since the report was written, the report file was edited"))
            settled.insert(change.name)
        }
        if version != KoukaVersion.current {
            reasons.append(.init(kind: "written-report-outdated", subject: path, field: "koukaVersion", found: version ?? "none", foundIn: "report",
                                 expected: KoukaVersion.current, expectedFrom: "store",
                                 detail: "the report was written by Kouka \(version ?? "of no stated version"), whose rules may differ from this version's: re-run \(rerun); if Kouka was not upgraded since the report was written, the report file was edited"))
        }
        summary.differences += WrittenReportAsOf.differences(json, period: period, path: path, rerun: rerun)
        // The baselines a report states it used must be ones a nightly run found in the catalog: a catalog edited, a report
        // made, the catalog put back before the night leaves no other trace (helper-91's catalog-tamper-unnamed.sh).
        if let catalogRowSeen {
            for row in (json["catalog"] as? [String: Any])?["rows"] as? [[String: Any]] ?? [] where !catalogRowSeen(row) {
                summary.differences.append(.init(kind: "written-report", subject: path, field: "catalog.rows[\(row["task"] ?? "")|\(row["validFrom"] ?? "")]",
                                                 found: "\(row["manualMinutesPerUnit"] ?? "") / \(row["residualMinutesPerUnit"] ?? "") min per \(row["unit"] ?? "")", foundIn: "report",
                                                 expected: "a row of a catalog a nightly run read", expectedFrom: "store",
                                                 detail: "no nightly run ever read a task catalog with this row's baselines (the store keeps each version it read): the report was made with a catalog changed and put back, or the report was edited. Keep the set as evidence, then re-run \(rerun)"))
            }
        }
        // Every figure is compared, outdated or not: a set made again from an edited copy of the store, put in the place of
        // one that time made outdated, says what its JSON says in every file (helper-89's outdated-set-hides-edited-figures.sh).
        var figures = try ReportComparison.differences(found: written, expected: storeAsWritten)
            .filter { d in !settled.contains { d.field == $0 || d.field.hasPrefix($0 + "[") } }
            // The catalog lines a task line names move with rows added or sorted above them, as the rows' own lines do.
            .filter { d in catalog == store.catalog.sha256 || !d.field.contains("].catalogLines[") }
        figures += sourceCheck.differences
        figures += try Self.newSystemsDifferences(json["newSystems"], expected: storeAsWritten.newSystems, settled: settled)
        // The tool review's verdicts are published too: built from the store as of the day the report states, by the rules
        // of kouka.toml's `[review]` now (helper-89's review-verdict-not-checked.sh).
        if let stated = json["review"], let day = Self.statedDay(of: json, period: period), let expected = try storeReview(period, store, day) {
            let rules = Self.reviewRules(stated)
            if rules != expected.sections.map(\.verdict.rules) {
                reasons.append(.init(kind: "written-report-outdated", subject: path, field: "review.rules", found: Self.listed(rules.flatMap { $0 }), foundIn: "report",
                                     expected: Self.listed(expected.sections.flatMap(\.verdict.rules)), expectedFrom: "configuration",
                                     detail: "the report's tool review was judged by other [review] rules than kouka.toml gives now: re-run \(rerun); if kouka.toml was not changed since the report was written, the report file was edited"))
            }
            figures += try ReportComparison.differences(found: stated, expected: expected, path: "review").filter { !$0.field.contains(".verdict.rules") }
        }
        // Only files changed since explain figures: a task whose figures differ though none of its files changed since was
        // edited, whatever other file changed (helper-90's tamper-labelled-outdated.sh).
        if !reasons.isEmpty, reasons.allSatisfy({ ["sources", "path"].contains($0.field) }) {
            let files = Self.filesByTask(store: store, written: json, partsOf: partsOf), changed = sourceCheck.changedPaths.union(renamed.values)
            if figures.contains(where: { Self.task(of: $0.field).map { files[$0, default: []].isDisjoint(with: changed) } ?? false }) { reasons = [] }
        }
        // Made while runs of its period were still running, as it says: their ends read since change its figures, whatever files
        // changed (helper-135: a month's set made at 04:00 on the 1st named as edited the night after).
        // Only figures of tasks whose files held them, and the sums over tasks: another task's figure edited is still an edit
        // (helper-141).
        if !figures.isEmpty, let running = json["runsStillRunning"] as? [String: Any], let runs = running["runs"] as? Int,
           case let runningFiles = Set(running["files"] as? [String] ?? []), case let files = Self.filesByTask(store: store, written: json, partsOf: partsOf),
           figures.allSatisfy({ Self.task(of: $0.field).map { !files[$0, default: []].isDisjoint(with: runningFiles) } ?? Self.robotsFigure($0.field) }) {
            reasons.append(.init(kind: "written-report-outdated", subject: path, field: "runsStillRunning", found: "\(runs) run(s) still running", foundIn: "report",
                                 expectedFrom: "store", detail: "the report was made while \(runs) run(s) of its period were still running, as it says: their ends read since are in the store's figures; re-run \(rerun)"))
        }
        let outdatedBy = reasons.isEmpty ? nil : reasons.map(\.field).joined(separator: ", ")
        // The period section restates other years' figures, which the comparison of this year's leaves out: each year that
        // was over when the report was made must have the store's figures, as in a period report. A JSON that does not read
        // as a report is named by the rendering check.
        if let table = decoded?.policyPeriod {
            try WrittenPeriodReportCheck.compareYears(table.years, version: version ?? "of no stated version", field: "policyPeriod.years", jsonPath: path,
                                                      rerun: rerun, what: "\(period.stem) report's period section", targets: targets, storeYear: storeYear,
                                                      late: { $0.sources.map(\.path).filter { readSince(generatedAt, $0) } }, outdatedBy: outdatedBy, into: &summary)
        }
        if case .month = period, let section = decoded?.yearToDate {
            try WrittenYearToDateCheck.compare(section, json: json["yearToDate"], month: period, version: version, jsonPath: path, rerun: rerun,
                                               storeYearToDate: storeYearToDate,
                                               late: try storeYear(period.fiscalYear.startYear).sources.map(\.path).filter { readSince(generatedAt, $0) },
                                               outdatedBy: Self.movingTheYearToDate(reasons), into: &summary)
        }
        // The files people read do not say what the JSON says: the JSON was edited, whatever else changed since.
        if rendering.differences.contains(where: WrittenReportRendering.isOtherBytes) {
            summary.differences += reasons
            for d in figures {
                summary.differences.append(.init(kind: "written-report", subject: path, field: d.field, found: d.found, foundIn: "report", expected: d.expected,
                                                 expectedFrom: "store",
                                                 detail: "the JSON's figure is not the store's, and the set's other files do not say what the JSON says: the JSON was edited after it was written\(outdatedBy.map { ", its \($0) with it so that it looks outdated (or the set is outdated and another of its files was edited)" } ?? ""). Keep the set as evidence, compare it with the files people read, then re-run \(rerun)"))
            }
            return
        }
        guard let outdatedBy else {
            for d in figures {
                summary.differences.append(.init(kind: "written-report", subject: path, field: d.field, found: d.found, foundIn: "report", expected: d.expected,
                                                 expectedFrom: "store", detail: "the written report's figure is not the store's: the report file, or the store, was changed after the report was written (the store's own differences, if any, say which)"))
            }
            return
        }
        // Made before its files or its catalog changed (or by another version), with every figure still the store's: it
        // still holds. A setting it states (a target, a cost, the register, the review's rules, the zone) is a statement of
        // its own that is no longer the configuration's.
        let statesOtherSettings = reasons.contains { !["sources", "path", "catalog.sha256", "koukaVersion"].contains($0.field) }
        guard !figures.isEmpty || statesOtherSettings else {
            summary.reportsStillHolding.append("\(path): made before these changed: \(outdatedBy); every figure it states that verify compares is still what the store gives (its projection and path to the target, made as of its day, are not compared: make it again to see them as of today)")
            return
        }
        summary.differences += reasons
        for d in figures {
            summary.differences.append(.init(kind: "written-report-outdated", subject: path, field: d.field, found: d.found, foundIn: "report", expected: d.expected,
                                             expectedFrom: "store",
                                             detail: "the report states another figure than the store gives now, and was made before these changed: \(outdatedBy). If that change moves this figure, re-run \(rerun); if it cannot (a file or catalog row of another period), the report or the store was changed after the report was written"))
        }
    }

    /// The year's new systems as the report's JSON states them (`newSystems`: the count, the verdict, the systems listed), against
    /// the register's as of the day the report states (`asWrittenDay`). The targets table shows only part of them, so
    /// the rest went unchecked (helper-123: `actual`, `met`, `planned` and `target` edited, verify exit 0). What a changed
    /// register or target explains is named as outdated by the settings check (`settled`); the register's path is a label.
    private static func newSystemsDifferences(_ written: Any?, expected: NewSystemsLine?, settled: Set<String>) throws -> [ReportComparison.FieldDifference] {
        guard !settled.contains("newSystems.registerSHA256") else { return [] }
        let targetChanged = settled.contains("targets[\(NewSystemsLine.metric)].target")
        return try ReportComparison.differences(found: written, expected: expected, path: "newSystems").filter { d in
            d.field != "newSystems.register" && !(targetChanged && ["newSystems.target", "newSystems.met"].contains(d.field))
        }
    }

    /// What of `reasons` (why a set is outdated) can move a month's year-to-date figures: its catalog, its zone, the version
    /// that made it, the AI tasks' minimum uses — not a cost, the register or the review's rules (helper-155 #4).
    private static func movingTheYearToDate(_ reasons: [VerifySummary.Difference]) -> String? {
        let moving = reasons.map(\.field).filter { ["catalog.sha256", "timezone", "koukaVersion", "aiTasksMinimumUses", "method.officeHours"].contains($0) }
        return moving.isEmpty ? nil : moving.joined(separator: ", ")
    }

    /// Whether a figure that is no task's may move with a robot's run read since: a sum over tasks, not an AI tool's figure,
    /// the AI-supported tasks or the catalog's rows, which no robot's run changes (helper-142).
    private static func robotsFigure(_ field: String) -> Bool {
        !(field.hasPrefix("aiTasks") || field.hasPrefix("catalog") || field.contains("ai-tasks")
            || ["ai-ocr", "minutes", "chatbot", "translation"].contains { field.contains($0) })
    }

    /// The task line a field is of (`T01|税務課|rpa|runs` for `tasks[T01|税務課|rpa|runs].hoursSaved`), nil for another field.
    private static func task(of field: String) -> String? {
        guard field.hasPrefix("tasks["), let close = field.firstIndex(of: "]") else { return nil }
        return String(field[field.index(field.startIndex, offsetBy: 6)..<close])
    }

    /// Each task line's files, as the store or the report lists them, by the task line's identity.
    /// `partsOf`: the files holding lines of runs a file counts (a robot's log of the day after, with a run's end), by its path.
    private static func filesByTask(store: YearReport, written: [String: Any], partsOf: [String: [String]]) -> [String: Set<String>] {
        var files: [String: Set<String>] = [:]
        for line in store.tasks {
            files["\(line.task)|\(line.department)|\(line.system)|\(line.unit)", default: []].formUnion(line.sources + line.sources.flatMap { partsOf[$0] ?? [] })
        }
        for line in written["tasks"] as? [[String: Any]] ?? [] {
            let id = "\(line["task"] ?? "")|\(line["department"] ?? "")|\(line["system"] ?? "")|\(line["unit"] ?? "")"
            files[id, default: []].formUnion((line["sources"] as? [Any] ?? []).map { "\($0)" })
        }
        return files
    }

    /// `tree` (a report's JSON as parsed) with every text that is a path of `renamed` replaced by the path it was moved to.
    private static func renaming(_ tree: Any, _ renamed: [String: String]) -> Any {
        switch tree {
        case let object as [String: Any]: object.mapValues { renaming($0, renamed) }
        case let list as [Any]: list.map { renaming($0, renamed) }
        case let text as String: renamed[text] ?? text
        default: tree
        }
    }

    /// `tree` without the copies it lists at `paths`: a file's copy whose original was deleted since is the file now, moved
    /// (`filesRenamed`), and the report lists both under its path once renamed.
    private static func withoutCopiesMovedInto(_ tree: Any, _ paths: Set<String>) -> Any {
        guard var object = tree as? [String: Any], let lines = object["sources"] as? [[String: Any]] else { return tree }
        object["sources"] = lines.filter { !("\($0["status"] ?? "")" == "duplicate" && paths.contains("\($0["path"] ?? "")")) }
        return object
    }

    /// The rules each section of a written tool review states it judged by, in order.
    private static func reviewRules(_ review: Any) -> [[String]] {
        ((review as? [String: Any])?["sections"] as? [[String: Any]] ?? []).map { section in
            ((section["verdict"] as? [String: Any])?["rules"] as? [Any] ?? []).map { "\($0)" }
        }
    }

    /// The last complete day a written report states its figures as of: a year's new systems' or projection's; a month's year
    /// to date's last day, or the day before the month when it has none (made before the month began). Nil when it states none.
    static func statedDay(of json: [String: Any], period: ReportPeriod) -> LocalDate? {
        if case .fiscalYear = period {
            let stated = (json["newSystems"] as? [String: Any])?["asOf"] as? String ?? (json["projection"] as? [String: Any])?["asOf"] as? String
            return stated.flatMap { LocalDate($0) }
        }
        guard let yearToDate = json["yearToDate"] as? [String: Any] else { return period.firstDay.adding(days: -1) }
        return (yearToDate["through"] as? String).flatMap { LocalDate($0) }
    }

    /// The files a set was written from that the store counts otherwise now (`WrittenReportSources.Comparison.changed`), as
    /// verify names them: those read since first, those deleted since (whose figures the store keeps) after — retention's
    /// files hid the late export that changed a figure behind "and 18 more" (helper-150 #3).
    static func sourcesListed(_ changed: [String]) -> String {
        let deleted = changed.filter { $0.hasSuffix("(deleted since)") }
        return listed(changed.filter { !$0.hasSuffix("(deleted since)") } + deleted)
            + (deleted.isEmpty ? "" : " — \(deleted.count) of them deleted since, their figures kept by the store")
    }

    /// Up to three of `items`, and how many more.
    private static func listed(_ items: [String]) -> String {
        items.prefix(3).joined(separator: "; ") + (items.count > 3 ? "; and \(items.count - 3) more" : "")
    }

    /// The store's report as of the day `written` states (a year's new systems' day, a month's year to date), when that is
    /// before the store's own day (the month's end for a month): the register's go-lives after it were planned then (見込み),
    /// a year under way bore the licences of fewer months, and its departments were compared with fewer days of the year
    /// before — none of which time passing makes an edit; the days it states it compared are those of its day
    /// (`previousYearThrough`), whatever its JSON says. A day after the store's own cannot have been the report's: the store's
    /// figures stand, and any difference shows.
    private static func asWrittenDay(_ written: Any, period: ReportPeriod, store: YearReport,
                                     asOfDay: (YearReport, LocalDate, ReportPeriod) throws -> YearReport) throws -> YearReport {
        let own: LocalDate?
        if case .fiscalYear = period { own = store.newSystems.flatMap { LocalDate($0.asOf) } } else { own = period.lastDay }
        guard let day = Self.statedDay(of: written as? [String: Any] ?? [:], period: period), let own, day < own else { return store }
        return try asOfDay(store, day, period)
    }

    /// The months whose report folder (`2025-01`) in `outputPath` holds a written report, oldest first.
    static func writtenMonths(in outputPath: String) throws -> [ReportPeriod] {
        try writtenReports(in: outputPath).compactMap { period in
            if case .month = period { period } else { nil }
        }
    }

    /// The fiscal years whose report folder (`FY2024`) in `outputPath` holds a written report: checked also when the
    /// store no longer has a rollup in them, since such a report states figures the store no longer gives.
    static func writtenFiscalYears(in outputPath: String) throws -> [FiscalYear] {
        try writtenReports(in: outputPath).compactMap { period in
            if case let .fiscalYear(year) = period { year } else { nil }
        }
    }

    /// The periods whose report folder in `outputPath` holds the report's JSON, in the order of their names.
    static func writtenReports(in outputPath: String) throws -> [ReportPeriod] {
        try setFolders(in: outputPath).compactMap { name in hasJSON(name, in: outputPath) ? period(named: name) : nil }
    }

    /// The policy-period report folders (`period-2021-2025`) in `outputPath` that hold the report's JSON, in the order of their names.
    static func periodFolders(in outputPath: String) throws -> [String] {
        try setFolders(in: outputPath).filter { isPeriodName($0) && hasJSON($0, in: outputPath) }
    }

    /// The report set folders in `outputPath` (`FY2024`, `2025-01`, `period-2021-2025`) that hold a `SHA256SUMS` and no JSON:
    /// a set Kouka wrote, whose JSON was removed.
    static func setsWithoutJSON(in outputPath: String) throws -> [String] {
        try setFolders(in: outputPath).filter { name in
            FileManager.default.fileExists(atPath: (outputPath as NSString).appendingPathComponent("\(name)/SHA256SUMS")) && !hasJSON(name, in: outputPath)
        }.map { (outputPath as NSString).appendingPathComponent($0) }
    }

    /// The names in `outputPath` that are report sets' folder names, in order; none when no report was written yet.
    private static func setFolders(in outputPath: String) throws -> [String] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: outputPath) } catch {
            // No output folder yet: no report was written.
            if !FileManager.default.fileExists(atPath: outputPath) { return [] }
            throw OutputError(path: outputPath, reason: "cannot list the report folders to check them: \(error.localizedDescription)")
        }
        return names.sorted().filter { period(named: $0) != nil || isPeriodName($0) }
    }

    private static func hasJSON(_ name: String, in outputPath: String) -> Bool {
        FileManager.default.fileExists(atPath: (outputPath as NSString).appendingPathComponent("\(name)/kouka-\(name).json"))
    }

    /// The fiscal year (`FY2024`) or month (`2025-01`) a report folder's name gives.
    private static func period(named name: String) -> ReportPeriod? {
        if name.count == 6, name.hasPrefix("FY"), let year = Int(name.dropFirst(2)) { return .fiscalYear(FiscalYear(year)) }
        let parts = name.split(separator: "-")
        guard name.count == 7, parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month) else { return nil }
        return .month(year: year, month: month)
    }

    /// Whether `name` is a policy-period report's folder name (`period-2021-2025`).
    private static func isPeriodName(_ name: String) -> Bool {
        let parts = name.split(separator: "-")
        return name.hasPrefix("period-") && parts.count == 3 && Int(parts[1]) != nil && Int(parts[2]) != nil
    }

    /// The files a report lists, by path and SHA-256 (a file deleted since is still the same file).
    private static func sources(of report: Any) -> Set<String> {
        let lines = (report as? [String: Any])?["sources"] as? [[String: Any]] ?? []
        return Set(lines.map { "\($0["path"] ?? "")|\($0["sha256"] ?? "")" })
    }
}
