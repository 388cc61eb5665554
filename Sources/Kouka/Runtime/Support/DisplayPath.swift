import Foundation

/// Paths as reports and the ledger show them: relative to the configuration's folder when inside it, so
/// the same logs give the same report on any server.
enum DisplayPath {
    static func of(_ path: String, base: String) -> String {
        let folder = base.hasSuffix("/") ? base : base + "/"
        // The folder's very bytes followed by a byte below 0x80 (no combining mark can join it to the `/`): the rest,
        // cut at that byte rather than counted in characters, for a city's tens of thousands of files. Anything
        // else (a name in another normalization) is compared as text.
        let bytes = path.utf8
        if bytes.starts(with: folder.utf8), case let rest = bytes.dropFirst(folder.utf8.count), let next = rest.first, next < 0x80 {
            return String(Substring(rest))
        }
        return path.hasPrefix(folder) ? String(path.dropFirst(folder.count)) : path
    }

    static func base(ofConfiguration path: String) -> String {
        URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL.path
    }
}
