#if canImport(Glibc)
import Glibc
#endif

/// `renameat2(2)` (Linux 3.15 and later): one entry of a folder put in place of another in one step. Swift's
/// Glibc module does not declare it (glibc hides it behind `_GNU_SOURCE`), so it is looked up by name.
enum FolderExchange {
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32

    private static let renameAt2: RenameAt2? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()

    /// `RENAME_NOREPLACE` and `RENAME_EXCHANGE` from <linux/fs.h>.
    private static let noReplace: UInt32 = 1 << 0, exchange: UInt32 = 1 << 1

    /// Swaps the entries `first` and `second` of `folder`, both of which must exist. 0 or an errno.
    static func swap(_ first: String, _ second: String, in folder: FolderHandle) -> Int32 {
        call(first, second, in: folder, flags: exchange)
    }

    /// Renames `name` to `target` in `folder`, failing (EEXIST) rather than replacing anything at `target`.
    static func move(_ name: String, to target: String, in folder: FolderHandle) -> Int32 {
        call(name, target, in: folder, flags: noReplace)
    }

    private static func call(_ from: String, _ to: String, in folder: FolderHandle, flags: UInt32) -> Int32 {
        guard let renameAt2 else { return ENOSYS }
        return renameAt2(folder.fd, from, folder.fd, to, flags) == 0 ? 0 : errno
    }
}
