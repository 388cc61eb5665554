import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ReportSetWriter {
    /// Why the output folder `path` could not be made, as staff can act on it: a part of the path that is a file, or a folder
    /// the job's user may not write in (helper-145: "cannot create the folder" alone, for a path through a file).
    static func whyNotCreated(_ path: String) -> String {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix = prefix.isEmpty || prefix == "/" ? prefix + part : prefix + "/" + part
            // Through links, as creating the folder goes: a link to a file is a file in the path (helper-148 #9).
            var info = stat()
            if stat(prefix, &info) == 0 {
                if info.st_mode & S_IFMT != S_IFDIR { return "\(prefix) is a file, not a folder; set output in kouka.toml (or --output) to a folder" }
                continue
            }
            if errno == ENOTDIR { return "a part of \(prefix) is a file, not a folder; set output in kouka.toml (or --output) to a folder" }
            let parent = (prefix as NSString).deletingLastPathComponent
            let folder = parent.isEmpty ? "." : parent
            return access(folder, W_OK | X_OK) == 0 ? "\(prefix) could not be made; check free space and that the disk is not read-only"
                : "the job's user may not create \(prefix) in \(folder); give it write access there, or set output in kouka.toml (or --output) to a folder it may write"
        }
        return "it is there now; run again"
    }
}
