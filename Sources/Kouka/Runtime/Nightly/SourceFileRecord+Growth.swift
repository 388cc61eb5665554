extension SourceFileRecord {
    /// Whether the file at `path` holds the bytes this line was read from followed by more: a log that grew since,
    /// which verify takes as stored and a file read again for another file's runs may be read again whole.
    func onlyGrew(at path: String) -> Bool {
        var prefix = SHA256()
        guard let now = FileStatus(path: path)?.size, now > size, prefix.update(fileAt: path, from: 0, to: size) else { return false }
        return prefix.finalizeHex() == sha256
    }
}
