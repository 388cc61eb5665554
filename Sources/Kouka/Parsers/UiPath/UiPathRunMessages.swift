/// The messages a robot writes on a run's first and last lines, in the languages Kouka knows them in.
///
/// The robot writes these in its Windows/Studio language, so they recognise a run's start and end only as a
/// fast path: the end line is known in any language by `totalExecutionTimeInSeconds`/`totalExecutionTime`,
/// which only it carries, and a run whose start is not recognised is looked for in the previous day's log.
enum UiPathRunMessages {
    /// What follows the process name on a run's first line: English, Japanese.
    static let started = ["execution started", "の実行が開始されました"]
    /// What follows the process name on a run's last line: English, Japanese.
    static let ended = ["execution ended", "の実行が終了しました"]

    /// Every phrase's UTF-8 bytes, made once: every line of every log is checked against them.
    private static let phraseBytes = (started + ended).map { Array($0.utf8) }

    /// Whether `message` is "<processName> <one of phrases>". Compared by UTF-8 bytes, as the robot writes both
    /// names alike: a `String` comparison walks grapheme clusters, which cost a tenth of a large log's reading.
    static func isMessage(_ message: String, of processName: String, oneOf phrases: [String]) -> Bool {
        let bytes = message.utf8, name = processName.utf8
        guard bytes.count > name.count, bytes.starts(with: name) else { return false }
        let rest = bytes.dropFirst(name.count).drop { $0 == 0x20 }
        return phrases.contains { rest.elementsEqual($0.utf8) }
    }

    /// Whether the raw message bytes end with one of the phrases: only such messages are decoded.
    static func mayBeStartOrEnd(_ bytes: UnsafeRawBufferPointer) -> Bool {
        phraseBytes.contains { phrase in
            bytes.count >= phrase.count && bytes.suffix(phrase.count).elementsEqual(phrase)
        }
    }
}
