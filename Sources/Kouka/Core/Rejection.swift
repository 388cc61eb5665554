/// A record that could not be counted, with where and why. Never holds the record's text: logs can
/// carry what citizens wrote.
public struct Rejection: Sendable, Hashable, Codable {
    /// The file the record is in, as ``SourceLocation/file`` names it.
    public var file: String
    /// The 1-based line on which the record starts; 0 for a rejection of the whole file.
    public var line: Int
    /// Why the record could not be counted; never the record's text.
    public var reason: String
    /// The row is a run already counted (earlier in the file, or in a file read before): left out so that
    /// it counts once. The ledger counts these apart from rows that are wrong.
    public var isRepeatedRun: Bool
    /// The local date of the record (the day its run started) where the record says, so that each period
    /// counts the rejections of its own dates; nil when the date is unknown, and no period may claim it.
    public var day: LocalDate?
    /// A run left out because another file counts it, as the row gives it: on its way to the collector, which keeps what
    /// the file would have counted for it (`RunRollup`). Not part of the rejection: neither compared nor written.
    package var leftOut: LeftOutRun?
    /// The reason names lines of its own file by number ("ran on to line 1024"), counted as its line is: moved with it
    /// when a part of a file read on its own is placed in the whole (helper-173 F3: the second part's reasons named lines
    /// counted from the part's start).
    package var reasonNamesLines = false

    /// A rejection of the record at `line` of `file`.
    public init(file: String, line: Int, reason: String, isRepeatedRun: Bool = false, day: LocalDate? = nil) {
        self.file = file
        self.line = line
        self.reason = reason
        self.isRepeatedRun = isRepeatedRun
        self.day = day
    }

    package init(file: String, line: Int, reason: String, isRepeatedRun: Bool, day: LocalDate?, leftOut: LeftOutRun?) {
        self.init(file: file, line: line, reason: reason, isRepeatedRun: isRepeatedRun, day: day)
        self.leftOut = leftOut
    }

    /// Whether two rejections are the same: their file, line, reason, repeat flag and day. The run a row left out
    /// (`leftOut`) is on its way to the collector and not part of the rejection.
    public static func == (a: Rejection, b: Rejection) -> Bool {
        a.file == b.file && a.line == b.line && a.reason == b.reason && a.isRepeatedRun == b.isRepeatedRun && a.day == b.day
    }

    /// Hashes what `==` compares: the file, line, reason, repeat flag and day.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(file)
        hasher.combine(line)
        hasher.combine(reason)
        hasher.combine(isRepeatedRun)
        hasher.combine(day)
    }

    private enum CodingKeys: String, CodingKey { case file, line, reason }

    /// Decodes the file, line and reason a report or the ledger wrote; the rest is not written, so it takes its default.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(file: try container.decode(String.self, forKey: .file), line: try container.decode(Int.self, forKey: .line),
                  reason: try container.decode(String.self, forKey: .reason))
    }
}

extension Rejection {
    /// The same rejection with its line moved on by `lines`; a whole-file rejection (line 0) stays as it is.
    package func shifted(by lines: Int) -> Rejection {
        guard line > 0, lines != 0 else { return self }
        return Rejection(file: file, line: line + lines, reason: reasonNamesLines ? Self.shiftingLines(in: reason, by: lines) : reason,
                         isRepeatedRun: isRepeatedRun, day: day)
    }

    /// `text` with every "line N" made "line N+lines".
    static func shiftingLines(in text: String, by lines: Int) -> String {
        var out = "", rest = Substring(text)
        while let found = rest.range(of: "line ") {
            out += rest[..<found.upperBound]
            rest = rest[found.upperBound...]
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            if let number = Int(digits) {
                out += String(number + lines)
                rest = rest.dropFirst(digits.count)
            }
        }
        return out + rest
    }
}
