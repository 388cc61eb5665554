/// Decides, row by row, whether a run id is counted: the same run exported twice, or already counted from
/// another file, is counted once. One per reader of a file.
///
/// A first reading counts every id and only logs its hash. When the log shows a hash more than once, the
/// file is read again with those hashes as suspects: then ids are compared in full, so two different ids
/// that share a hash are both counted.
struct RunAdmission {
    /// Why a row's run is not counted.
    enum Refusal: Error {
        case repeatsEarlierRow(line: Int)
        case countedIn(file: String)
    }

    let log: RunKeyLog
    private let suspects: Set<UInt64>
    private let countedElsewhere: [UInt64: String]
    private var suspectIDs: [[UInt8]: Int] = [:]

    init(suspects: Set<UInt64>, countedElsewhere: [UInt64: String], chunkLimit: Int = RunKeyLog.chunkLimit) {
        log = RunKeyLog(chunkLimit: chunkLimit)
        self.suspects = suspects
        self.countedElsewhere = countedElsewhere
    }

    /// Admits the run with id `bytes` on `line`, or says why it is not counted. An empty id is always
    /// counted: nothing shows it is a repeat.
    mutating func admit(_ bytes: UnsafeRawBufferPointer, line: Int) throws(Refusal) {
        guard !bytes.isEmpty else { return }
        let hash = RunKeyHash.of(bytes)
        // Both are empty on a first reading of a file nothing else overlaps, and hashing a key for an empty
        // table would still cost on every row.
        if !countedElsewhere.isEmpty, let file = countedElsewhere[hash] { throw .countedIn(file: file) }
        if !suspects.isEmpty, suspects.contains(hash) {
            let id = Array(bytes)
            if let first = suspectIDs[id] { throw .repeatsEarlierRow(line: first) }
            suspectIDs[id] = line
        }
        log.add(hash)
    }

    mutating func admit(_ text: String, line: Int) throws(Refusal) {
        var copy = text
        let refusal: Refusal? = copy.withUTF8 { buffer in
            do throws(Refusal) {
                try admit(UnsafeRawBufferPointer(buffer), line: line)
                return nil
            } catch {
                return error
            }
        }
        if let refusal { throw refusal }
    }
}

extension RunAdmission.Refusal {
    /// The rejection reason for a row, naming the id column.
    func reason(idColumn: String) -> String {
        switch self {
        case let .repeatsEarlierRow(line): "\(idColumn) repeats an earlier row: line \(line), the same run, counted once"
        case let .countedIn(file): "\(idColumn) is already counted in another file: \(file), the same run, counted once"
        }
    }
}
