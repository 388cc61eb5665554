extension SourceFileRecord {
    /// Whether the file at `path` holds the bytes this line was read from followed by more: a log that grew since,
    /// which verify takes as stored and a file read again for another file's runs may be read again whole.
    ///
    /// The hash is of the file's first `size` bytes (its size when decided), or, for a log read on past that size while the
    /// robot wrote on, of the bytes read, to its byte offset (`FileRead`): hashed to the size only, such a log that grew again
    /// was named as changed after it was read (helper-133; helper-134 the other way round, for a first whole reading).
    func onlyGrew(at path: String) -> Bool {
        guard let now = FileStatus(path: path)?.size else { return false }
        var prefix = SHA256()
        guard now > size, prefix.update(fileAt: path, from: 0, to: size) else { return false }
        if prefix.finalizeHex() == sha256 { return true }
        guard byteOffset > size, now > byteOffset, prefix.update(fileAt: path, from: size, to: byteOffset) else { return false }
        return prefix.finalizeHex() == sha256
    }
}
