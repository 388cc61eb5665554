extension SourceFileRecord {
    /// Whether the file at `path` holds the bytes this line was read from followed by more: a log that grew since,
    /// which verify takes as stored and a file read again for another file's runs may be read again whole.
    func onlyGrew(at path: String) -> Bool {
        var prefix = SHA256()
        // A line a Kouka before 0.5.12 wrote of a log read on past the size it was decided at hashes the bytes read, to its
        // byte offset (`FileRead`).
        let read = max(size, byteOffset)
        guard let now = FileStatus(path: path)?.size, now > read, prefix.update(fileAt: path, from: 0, to: read) else { return false }
        return prefix.finalizeHex() == sha256
    }
}
