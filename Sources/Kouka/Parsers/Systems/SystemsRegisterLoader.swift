import Foundation

/// Reads the systems register CSV the DX office keeps in Excel (UTF-8, UTF-8 with BOM or Shift_JIS), with the
/// catalog's reader and encoding detection.
///
/// Columns (English or the Japanese header Excel users write): `system` (システム名), `department` (担当課),
/// `kind` (種別), `go_live` (稼働開始日), `evidence` (根拠), and optionally `retired` (廃止日). Every bad row
/// is reported at once, by line, so one pass of edits fixes them all.
package enum SystemsRegisterLoader {
    /// Each column's name and the Japanese header accepted for it.
    static let columns: [(name: String, japanese: String)] = [
        ("system", "システム名"), ("department", "担当課"), ("kind", "種別"), ("go_live", "稼働開始日"), ("evidence", "根拠"),
    ]
    static let retiredColumn = (name: "retired", japanese: "廃止日")

    package static func load(path: String, displayPath: String, encoding: TextEncoding = .auto) throws(SystemsRegisterError) -> SystemsRegister {
        do {
            return try read(path: path, displayPath: displayPath, encoding: encoding)
        } catch let error as SystemsRegisterError {
            throw error
        } catch {
            throw SystemsRegisterError(path: path, problems: [.init(line: 0, message: "\(error)")])
        }
    }

    private static func read(path: String, displayPath: String, encoding: TextEncoding) throws -> SystemsRegister {
        let reader: CSVReader
        do { reader = try CSVReader(path: path, encoding: encoding) } catch {
            throw SystemsRegisterError(path: path, problems: [.init(line: 0, message: error.description)])
        }
        var header: CSVHeader? = nil
        var index: [String: Int] = [:]
        var systems: [RegisteredSystem] = []
        var problems: [SystemsRegisterError.Problem] = []
        var seen: [String: Int] = [:]
        try reader.forEachRecord { record in
            guard !record.isBlank else { return }
            if let defect = record.defect {
                if header == nil { throw SystemsRegisterError(path: path, problems: [.init(line: record.line, message: "the header is broken: \(defect.reason)")]) }
                problems.append(.init(line: record.line, message: defect.reason))
                return
            }
            guard let header else {
                let found = CSVHeader(names: (0..<record.count).map { record.string(at: $0) ?? "" })
                for column in columns + [retiredColumn] {
                    if let i = found.column(column.name) ?? found.column(column.japanese) { index[column.name] = i }
                }
                let missing = columns.filter { index[$0.name] == nil }.map(\.name)
                if !missing.isEmpty {
                    throw SystemsRegisterError(path: path, problems: [.init(line: record.line, message: "missing column(s) \(missing.joined(separator: ", ")); the header must name \(columns.map(\.name).joined(separator: ",")) (retired is optional)")])
                }
                header = found
                reader.expectedFields = found.names.count
                return
            }
            do throws(RowProblem) {
                let row = CSVRow(record: record, header: header, redactsValues: false, keptByStaff: true)
                try row.checkWidth(checking: "register")
                let system = try self.system(row, index: index)
                // One name in full-width and half-width letters (`ＡＩ－ＯＣＲ導入`, `AI-OCR導入`), in either case or with spaces
                // around it, is one system, as the catalog's spellings are one (helper-124, helper-128: counted twice towards
                // the new systems' target, exit 0).
                let name = system.name.compatibilityNormalized.trimmingSpacesAndNewlines().lowercased()
                if let earlier = seen[name] {
                    throw RowProblem("system \(system.name) is already registered on line \(earlier); give each system one row")
                }
                seen[name] = record.line
                systems.append(system)
            } catch {
                problems.append(.init(line: record.line, message: error.reason))
            }
        }
        guard header != nil else { throw SystemsRegisterError(path: path, problems: [.init(line: 1, message: "the register is empty: no header row")]) }
        guard problems.isEmpty else { throw SystemsRegisterError(path: path, problems: problems.sorted { $0.line < $1.line }) }
        return SystemsRegister(systems: systems, path: displayPath, sha256: "")
    }

    private static func system(_ row: CSVRow, index: [String: Int]) throws(RowProblem) -> RegisteredSystem {
        func required(_ column: String, identity: Bool = false) throws(RowProblem) -> String {
            let value = identity ? try row.identity(index[column]!) : try row.text(index[column]!)
            guard !value.isEmpty else { throw RowProblem("\(column) is empty") }
            return value
        }
        func date(_ column: String, _ text: String) throws(RowProblem) -> LocalDate {
            // Excel writes dates as 2024/10/01 unless told otherwise.
            guard let date = LocalDate(text.replacingOccurrences(of: "/", with: "-")) else {
                throw RowProblem("\(column) \(text) is not a date (yyyy-MM-dd)")
            }
            return date
        }
        let name = try required("system", identity: true), department = try required("department", identity: true), kind = try required("kind")
        let goLive = try date("go_live", try required("go_live"))
        // A count the auditors check needs the contract or decision that proves it.
        let evidence = try required("evidence")
        var retired: LocalDate? = nil
        if let column = index["retired"], case let text = try row.text(column), !text.isEmpty {
            let day = try date("retired", text)
            guard day >= goLive else { throw RowProblem("retired \(day) is before go_live \(goLive)") }
            retired = day
        }
        return RegisteredSystem(name: name, department: department, kind: kind, goLive: goLive, evidence: evidence, retired: retired,
                                line: row.record.line)
    }
}
