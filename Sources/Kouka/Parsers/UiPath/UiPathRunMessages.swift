import Foundation

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

    /// Whether `message` is "<processName> <one of phrases>". Compared by UTF-8 bytes with `memcmp`, as the robot
    /// writes both names alike: a `String` comparison walks grapheme clusters, and even a generic walk of the
    /// UTF-8 views cost some percent of a city's daily logs' reading.
    static func isMessage(_ message: String, of processName: String, oneOf phrases: [String]) -> Bool {
        var message = message, processName = processName
        return message.withUTF8 { typed in
            processName.withUTF8 { name in
                let bytes = UnsafeRawBufferPointer(typed)
                guard bytes.count > name.count, same(UnsafeRawBufferPointer(rebasing: bytes[..<name.count]), UnsafeRawBufferPointer(name)) else { return false }
                var start = name.count
                while start < bytes.count, bytes[start] == 0x20 { start += 1 }
                let rest = UnsafeRawBufferPointer(rebasing: bytes[start...])
                return phrases.contains { phrase in
                    var phrase = phrase
                    return phrase.withUTF8 { same(rest, UnsafeRawBufferPointer($0)) }
                }
            }
        }
    }

    /// Whether the raw message bytes end with one of the phrases: only such messages are decoded.
    static func mayBeStartOrEnd(_ bytes: UnsafeRawBufferPointer) -> Bool {
        phraseBytes.contains { phrase in
            bytes.count >= phrase.count && phrase.withUnsafeBytes { same(UnsafeRawBufferPointer(rebasing: bytes[(bytes.count - phrase.count)...]), $0) }
        }
    }

    private static func same(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        guard a.count == b.count else { return false }
        guard let x = a.baseAddress, let y = b.baseAddress else { return a.count == 0 }
        return memcmp(x, y, a.count) == 0
    }
}
