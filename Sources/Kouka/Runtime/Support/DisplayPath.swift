import Foundation

/// Paths as reports and the ledger show them: relative to the configuration's folder when inside it, so
/// the same logs give the same report on any server.
enum DisplayPath {
    static func of(_ path: String, base: String) -> String {
        let folder = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(folder) ? String(path.dropFirst(folder.count)) : path
    }

    static func base(ofConfiguration path: String) -> String {
        URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL.path
    }
}
