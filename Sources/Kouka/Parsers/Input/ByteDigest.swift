/// Takes a file's bytes in order, from its first (the ledger's SHA-256 of the file). A parser that reads a
/// large file anyway hands its blocks over as it reads them, so the file is not read a second time, on a
/// third thread, to be hashed.
package protocol ByteDigest: AnyObject, Sendable {
    /// The bytes that follow those taken so far.
    func update(_ bytes: UnsafeRawBufferPointer)
    /// Reads bytes `range` of the file at `path` (the next ones) and takes them; false when they cannot all
    /// be read.
    func update(fileAt path: String, range: Range<Int64>) -> Bool
}
