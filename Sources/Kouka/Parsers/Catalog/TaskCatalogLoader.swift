import Foundation

/// Reads the task catalog CSV that departments keep in Excel (UTF-8, UTF-8 with BOM or Shift_JIS).
///
/// Required columns: `task_id, name, department, system, unit, manual_minutes_per_unit,
/// residual_minutes_per_unit, valid_from, match`; optional: `rework_minutes_per_failure`,
/// `production_from`, `expected_units_per_year` (see `CatalogExpectedVolume`). Minutes are finite and 0 or more, and a row's residual minutes are at most its manual
/// minutes. Every bad row is reported at once, so one pass of edits fixes them all.
package enum TaskCatalogLoader {
    package static let requiredColumns = [
        "task_id", "name", "department", "system", "unit", "manual_minutes_per_unit",
        "residual_minutes_per_unit", "valid_from", "match",
    ]
    static let optionalColumns = ["rework_minutes_per_failure", "production_from", CatalogExpectedVolume.column]

    package static func load(path: String, encoding: TextEncoding = .auto) throws -> TaskCatalog {
        let reader: CSVReader
        do { reader = try CSVReader(path: path, encoding: encoding) } catch {
            throw CatalogError(path: path, unreadable: unreadable(error))
        }
        var header: CSVHeader? = nil
        var entries: [CatalogEntry] = []
        var problems: [CatalogError.Problem] = []
        var seen: [String: Int] = [:]
        try reader.forEachRecord { record in
            guard !record.isBlank else { return }
            if let defect = record.defect {
                if header == nil { throw CatalogError(path: path, problems: [.init(line: record.line, message: "the header is broken: \(defect.reason)")]) }
                problems.append(.init(line: record.line, message: defect.reason))
                return
            }
            guard let header else {
                let found = CSVHeader(names: (0..<record.count).map { record.string(at: $0) ?? "" })
                let missing = found.missing(requiredColumns)
                if !missing.isEmpty {
                    throw CatalogError(path: path, problems: [.init(line: record.line, message: "missing column(s) \(missing.joined(separator: ", ")); the header must name \(requiredColumns.joined(separator: ","))")])
                }
                let twice = found.repeated(requiredColumns + optionalColumns)
                if !twice.isEmpty {
                    throw CatalogError(path: path, problems: twice.map { name, columns in
                        .init(line: record.line, message: "column \(name) appears \(columns.count) times (columns \(columns.map(String.init).joined(separator: ", "))); only the first would be read: keep one (for match, its names separated by |)")
                    })
                }
                header = found
                reader.expectedFields = found.names.count
                return
            }
            do throws(RowProblem) {
                let row = CSVRow(record: record, header: header, redactsValues: false, keptByStaff: true)
                try row.checkWidth(checking: "catalog")
                let read = entry(row)
                guard let entry = read.entry else {
                    problems += read.problems.map { .init(line: record.line, message: $0) }
                    return
                }
                let key = "\(entry.taskID)@\(entry.system.rawValue)@\(entry.validFrom)"
                if let earlier = seen[key] {
                    throw RowProblem("task_id \(entry.taskID) already has a \(entry.system.rawValue) row valid from \(entry.validFrom) (line \(earlier)); give each version its own valid_from")
                }
                seen[key] = record.line
                entries.append(entry)
            } catch {
                problems.append(.init(line: record.line, message: error.reason))
            }
        }
        guard header != nil else { throw CatalogError(path: path, problems: [.init(line: 1, message: "the catalog is empty: no header row")]) }
        let catalog = TaskCatalog(entries: entries)
        problems += CatalogOverlap.problems(in: catalog)
        problems += CatalogPlannedOnce.problems(in: catalog)
        problems += CatalogProductionStart.problems(in: catalog)
        problems += CatalogSpelledOneWay.problems(in: catalog)
        guard problems.isEmpty else { throw CatalogError(path: path, problems: problems.sorted { $0.line < $1.line }) }
        return CatalogProductionStart.shared(catalog)
    }

    /// The row's entry, or every problem it has, each on its own (helper-177 #5: `6分` and `1,5` on one line took two passes
    /// of edits, as only the first was named).
    private static func entry(_ row: CSVRow) -> (entry: CatalogEntry?, problems: [String]) {
        let h = row.header
        var problems: [String] = []
        /// The value `read` gives, or nil with its problem kept.
        func noting<T>(_ read: () throws(RowProblem) -> T?) -> T? {
            do { return try read() } catch {
                problems.append(error.reason)
                return nil
            }
        }
        func text(_ column: String) -> String? { noting { () throws(RowProblem) in try row.text(h.column(column)!) } }
        func minutes(_ column: String, optional: Bool = false) -> Double? {
            noting { () throws(RowProblem) -> Double? in
                guard let index = h.column(column), let value = try row.number(index) else {
                    if optional { return 0 }
                    throw RowProblem("\(column) is empty; give the minutes per unit (0 if none)")
                }
                return value
            }
        }
        /// "column is empty" or "column value" for a message: an empty cell is named as such, not as a value of nothing.
        func stated(_ column: String, _ value: String) -> String { value.isEmpty ? "\(column) is empty:" : "\(column) \(value) is" }
        let taskID = noting { () throws(RowProblem) -> String? in
            let value = try row.identity(h.column("task_id")!)
            guard !value.isEmpty else { throw RowProblem("task_id is empty") }
            return value
        }
        let name = text("name"), department = noting { () throws(RowProblem) in try row.identity(h.column("department")!) }
        let system = noting { () throws(RowProblem) -> SystemFamily? in
            let value = try row.text(h.column("system")!)
            guard let system = SystemFamily(catalogText: value) else {
                throw RowProblem("\(stated("system", value)) not one of \(SystemFamily.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return system
        }
        let unit = noting { () throws(RowProblem) -> EffectUnit? in
            let value = try row.text(h.column("unit")!)
            guard let unit = EffectUnit(catalogText: value) else {
                throw RowProblem("\(stated("unit", value)) not one of \(EffectUnit.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return unit
        }
        let validFrom = noting { () throws(RowProblem) -> LocalDate? in
            let value = try row.text(h.column("valid_from")!)
            guard let date = LocalDate(value) else { throw RowProblem("\(stated("valid_from", value)) not a date (yyyy-MM-dd)") }
            return date
        }
        // Read apart from the other columns: nil is a value here (no production date), so a problem is told by its count.
        let before = problems.count
        let production: LocalDate? = noting { () throws(RowProblem) -> LocalDate? in
            guard let index = h.column("production_from"), case let value = try row.text(index), !value.isEmpty else { return nil }
            guard let date = LocalDate(value) else { throw RowProblem("production_from \(value) is not a date (yyyy-MM-dd)") }
            return date
        }
        let productionRead = problems.count == before
        let patterns = noting { () throws(RowProblem) -> [String]? in
            let patterns = try row.identity(h.column("match")!).split(separator: "|").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
            guard !patterns.isEmpty else { throw RowProblem("match is empty; list the log names of this task, separated by |") }
            return patterns
        }
        let manual = minutes("manual_minutes_per_unit"), residual = minutes("residual_minutes_per_unit")
        let rework = minutes("rework_minutes_per_failure", optional: true)
        // A unit that leaves more checking than the manual work took would count negative hours saved.
        if let manual, let residual, residual > manual {
            problems.append("""
                residual_minutes_per_unit \(decimal(residual)) is more than manual_minutes_per_unit \(decimal(manual)): \
                every unit would count as time lost; the residual minutes are the part of the manual minutes that remains
                """)
        }
        // Its own check needs production_from: not judged when that could not be read (its problem is named already).
        let expected = productionRead ? noting { () throws(RowProblem) in try CatalogExpectedVolume.read(row, productionFrom: production) } : nil
        guard problems.isEmpty, let taskID, let name, let department, let system, let unit, let validFrom, let patterns,
              let manual, let residual, let rework else {
            return (nil, problems)
        }
        return (CatalogEntry(
            taskID: taskID, name: name, department: department, system: system, unit: unit,
            manualMinutesPerUnit: manual, residualMinutesPerUnit: residual, reworkMinutesPerFailure: rework,
            validFrom: validFrom, productionFrom: production, patterns: patterns, line: row.record.line,
            expectedUnitsPerYear: expected), [])
    }

    /// Why the catalog cannot be read at all, without its path (the error names it once) and without a line.
    private static func unreadable(_ error: InputError) -> String {
        switch error {
        case let .cannotOpen(_, reason):
            "cannot open it (\(reason)); set catalog in kouka.toml to the catalog's path (relative to kouka.toml's folder) and check the job's user may read it"
        case let .cannotRead(_, reason): "read failed (\(reason)); check the disk and run again"
        case .notARegularFile: "is not a regular file; set catalog in kouka.toml to the catalog CSV's path"
        case let .unreadableEncoding(_, found): "\(found) — save the catalog as UTF-8 (Excel: \"CSV UTF-8\") or Shift_JIS"
        case let .damagedText(_, encoding, offset, problem):
            "\(encoding) text that does not decode at byte \(offset) (\(problem)) — save the catalog again as UTF-8 (Excel: \"CSV UTF-8\") or Shift_JIS"
        }
    }

    /// `12`, `12.5`: the number as the department wrote it, without a trailing `.0` (and plainly past what Int64 holds).
    static func decimal(_ value: Double) -> String { value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value) }
}
