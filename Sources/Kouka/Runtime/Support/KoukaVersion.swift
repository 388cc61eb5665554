/// Kouka's version, stated at the top of every report.
package enum KoukaVersion {
    package static let current = "0.5.16"
}

extension KoukaVersion {
    /// Whether a report written by Kouka `version` ("0.5.6") was made by one whose stores keep every SHA-256 they read
    /// (`read_digests`, 0.5.6 on); false for an earlier version or one that cannot be read.
    package static func keepsReadDigests(_ version: String?) -> Bool {
        version.map { !isBefore($0, "0.5.6") } ?? false
    }

    /// Whether `text` is a version as Kouka writes one: three numbers without signs or leading zeros ("0.5.9", not "0.5.09").
    package static func isWritten(_ text: String) -> Bool {
        let fields = text.split(separator: ".", omittingEmptySubsequences: false)
        return fields.count == 3 && fields.allSatisfy { field in
            !field.isEmpty && field.allSatisfy { $0.isASCII && $0.isNumber } && (field == "0" || field.first != "0")
        }
    }

    /// Whether version `a` ("0.5.6") comes before `b`; a version that does not read as three numbers comes before every one.
    package static func isBefore(_ a: String, _ b: String) -> Bool {
        func parts(_ text: String) -> [Int]? {
            let fields = text.split(separator: ".", omittingEmptySubsequences: false)
            let numbers = fields.compactMap { Int($0) }
            return fields.count == 3 && numbers.count == 3 ? numbers : nil
        }
        guard let y = parts(b) else { return false }
        guard let x = parts(a) else { return true }
        return x.lexicographicallyPrecedes(y)
    }
}
