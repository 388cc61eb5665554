/// The span classes (`RunKeySpan`) that the store's run-key sets use: a file's look-up of the runs other files count
/// asks one bounded range of the index per class, and a city's daily logs use two or three of the 23 classes. Asking
/// only those takes a daily log's look-up from 46 statements to a handful (issue 17: half of what recording a small
/// file cost).
///
/// The classes are read once and kept up to date by this connection's own inserts. They may only ever be more than
/// the classes in use (a deleted set leaves its class; asking a class with no set finds nothing), never fewer: when
/// another connection has written to the database since (`PRAGMA data_version`), they are read again.
struct SpanClassesInUse {
    /// Classes of every set, and of the sets that counted runs unfinished.
    var all: Set<Int>
    var unfinished: Set<Int>
    /// `PRAGMA data_version` when they were read: it changes when another connection commits.
    var dataVersion: Int64
}

extension KoukaStore {
    /// The span classes to ask: of every set, or of the sets with unfinished runs.
    func spanClassesInUse() throws -> SpanClassesInUse {
        var version: Int64 = 0
        try db.prepare("PRAGMA data_version", reading: "run_key_sets").query { version = try $0.int(0) }
        if let known = spanClasses, known.dataVersion == version { return known }
        var classes = SpanClassesInUse(all: [], unfinished: [], dataVersion: version)
        // A look-up of each class, not a DISTINCT, which would scan the index of every set.
        let any = try db.prepare("SELECT 1 FROM run_key_sets WHERE span_class = ? LIMIT 1", reading: "run_key_sets")
        let anyUnfinished = try db.prepare("SELECT 1 FROM run_key_sets WHERE span_class = ? AND unfinished IS NOT NULL LIMIT 1", reading: "run_key_sets")
        for spanClass in RunKeySpan.classes {
            try any.query([.integer(Int64(spanClass))]) { _ in classes.all.insert(spanClass) }
            try anyUnfinished.query([.integer(Int64(spanClass))]) { _ in classes.unfinished.insert(spanClass) }
        }
        spanClasses = classes
        return classes
    }

    /// Notes a set this connection wrote, so that the classes it keeps stay a superset of those in use.
    func noteSpanClass(_ spanClass: Int, unfinished: Bool) {
        spanClasses?.all.insert(spanClass)
        if unfinished { spanClasses?.unfinished.insert(spanClass) }
    }
}
