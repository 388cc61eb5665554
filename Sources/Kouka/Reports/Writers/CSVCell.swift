/// One CSV cell as Excel should read it: quoted when needed, and text that Excel would take for a
/// formula (`=`, `+`, `-`, `@` first) prefixed with `'`, since names come from logs anyone can write.
enum CSVCell {
    static func text(_ value: String) -> String {
        var cell = value
        if let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { cell = "'" + cell }
        if cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            cell = "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return cell
    }

    static func row(_ cells: [String]) -> String { cells.joined(separator: ",") + "\r\n" }
}
