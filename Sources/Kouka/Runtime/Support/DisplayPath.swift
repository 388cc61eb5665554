import Foundation

/// Paths as reports and the ledger show them: relative to the configuration's folder when inside it, so
/// the same logs give the same report on any server.
enum DisplayPath {
    static func of(_ path: String, base: String) -> String {
        Folder(base).display(path)
    }

    static func base(ofConfiguration path: String) -> String {
        URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL.path
    }

    /// The configuration's folder, made ready once for a city's tens of thousands of paths.
    struct Folder {
        let text: String
        private let bytes: [UInt8]

        init(_ base: String) {
            text = base.hasSuffix("/") ? base : base + "/"
            bytes = Array(text.utf8)
        }

        /// `path` as reports show it.
        func display(_ path: String) -> String {
            // The folder's very bytes followed by a byte below 0x80 (no combining mark can join it to the `/`): the
            // rest, cut at that byte rather than counted in characters. Anything else (a name in another
            // normalization) is compared as text.
            var path = path
            let cut: String? = path.withUTF8 { utf8 in
                guard utf8.count > bytes.count, utf8[bytes.count] < 0x80,
                      bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress!, utf8.baseAddress!, $0.count) == 0 }) else { return nil }
                return String(decoding: UnsafeBufferPointer(rebasing: utf8[bytes.count...]), as: UTF8.self)
            }
            if let cut { return cut }
            return path.hasPrefix(text) ? String(path.dropFirst(text.count)) : path
        }
    }
}
