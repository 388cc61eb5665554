import Foundation

/// The sources a nightly run found no file at while the store counts files of theirs: an unmounted share whose mount
/// point is left as an empty folder, a robot server's folder renamed. The run did not read them, so a log that arrived
/// there meanwhile is not in the store, and the days since the last run that read them are not complete: a report made
/// now states its figures as of that run (`ReportJob.asOf`), a 速報, rather than as settled without that log
/// (helper-158 #1). A source that never counted a file (a tool with no logs yet) holds nothing to miss.
enum SourcesUnread {
    /// The display paths of the `missing` sources that match a counted line (present or gone) of `ledger`, the ledger as
    /// the run started: both are written relative to the configuration's folder when inside it (`DisplayPath`).
    static func find(missing: [SourceMatches.Missing], ledger: [LedgerIdentity]) -> [String] {
        missing.map(\.path).filter { pattern in
            ledger.contains { ($0.status == .present || $0.status == .gone) && matches(pattern, $0.path) }
        }
    }

    /// Whether `pattern`, as `FileGlob` expands it, would match `path`. A `**` is matched loosely (any folders, or none):
    /// a source is named unread the more readily, never the less.
    static func matches(_ pattern: String, _ path: String) -> Bool {
        guard pattern.contains("**") else { return fnmatch(pattern, path, FNM_PATHNAME) == 0 }
        let anyFolders = pattern.replacingOccurrences(of: "**", with: "*")
        // `**` between folders, or leading (a pattern at the configuration's folder, written relative to it), as no folder.
        let noFolder = pattern.hasPrefix("**/") ? String(pattern.dropFirst(3)) : pattern.replacingOccurrences(of: "/**/", with: "/")
        return fnmatch(anyFolders, path, 0) == 0 || fnmatch(noFolder, path, 0) == 0
    }
}
