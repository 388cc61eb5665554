import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads the files the jobs write with readers Kouka did not write: Python's zipfile for the workbook,
/// a plain RFC 4180 splitter for the CSV.
enum ReportFiles {
    static let readXLSX = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("read_xlsx.py").path

    /// Runs `python3` with `arguments` and returns what it printed on stdout, or nil when it failed.
    private static func python(_ arguments: [String]) throws -> Data? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? data : nil
    }

    /// Every part of an .xlsx (a zip), unpacked, by its name in the archive.
    static func xlsxParts(_ path: String) throws -> [String: Data] {
        let script = """
            import base64, json, sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            json.dump({n: base64.b64encode(z.read(n)).decode() for n in z.namelist()}, sys.stdout)
            """
        let data = try python(["-c", script, path]) ?? Data("{}".utf8)
        let parts = try JSONSerialization.jsonObject(with: data) as? [String: String] ?? [:]
        return parts.compactMapValues { Data(base64Encoded: $0) }
    }

    /// The workbook's sheets as read_xlsx.py reads them: strings stay `String`, numbers are `Double`.
    static func xlsxSheets(_ path: String) throws -> [String: [[Any?]]] {
        let data = try python([readXLSX, path]) ?? Data("{}".utf8)
        let book = try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]] ?? [:]
        return book.compactMapValues { $0["cells"] as? [[Any?]] }
    }

    /// The number format of each of the workbook's cells, by sheet (nil for a cell of text).
    static func xlsxFormats(_ path: String) throws -> [String: [[String?]]] {
        let data = try python([readXLSX, path]) ?? Data("{}".utf8)
        let book = try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]] ?? [:]
        return book.compactMapValues { ($0["formats"] as? [[Any?]])?.map { $0.map { $0 as? String } } }
    }

    /// The cells of a CSV as Excel would split them (quotes, doubled quotes, CR, LF and CRLF).
    static func csvCells(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], cell = ""
        var quoted = false, atCellStart = true
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = nil
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { cell.unicodeScalars.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else { cell.unicodeScalars.append(scalar) }
                continue
            }
            switch scalar {
            case "\"" where atCellStart: quoted = true; atCellStart = false
            case ",": row.append(cell); cell = ""; atCellStart = true
            case "\r", "\n":
                if scalar == "\r", let next = iterator.next(), next != "\n" { pending = next }
                row.append(cell); rows.append(row); row = []; cell = ""; atCellStart = true
            default: cell.unicodeScalars.append(scalar); atCellStart = false
            }
        }
        if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
        return rows
    }

    /// Every file and folder under `root`, with its permission bits.
    static func modes(under root: URL) -> [(path: String, mode: Int, folder: Bool)] {
        var found: [(String, Int, Bool)] = []
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
        for case let url as URL in enumerator {
            var info = stat()
            guard lstat(url.path, &info) == 0 else { continue }
            found.append((url.path, Int(info.st_mode & 0o7777), (info.st_mode & S_IFMT) == S_IFDIR))
        }
        return found
    }

    /// The permission bits of `path`, or nil when it does not exist.
    static func mode(_ path: String) -> Int? {
        var info = stat()
        return lstat(path, &info) == 0 ? Int(info.st_mode & 0o7777) : nil
    }
}
