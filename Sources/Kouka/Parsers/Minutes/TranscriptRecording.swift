import Foundation

/// The recording a transcript is of, which every file a tool writes of one recording shares: its folder and its name
/// without its extension, without the suffix a tool adds for another kind of the same transcript, and without the
/// audio's own extension (`庁議/2024-05-13_庁議` for `庁議/2024-05-13_庁議.srt`, `.mp3.srt` and `.mp3.words.json`).
///
/// whisper-timestamped writes `X.mp3.srt` and `X.mp3.words.srt` of one recording; openai-whisper writes `X.srt` of the same
/// `X.mp3`; Zoom writes `…_Recording.transcript.vtt` and `…_Recording.cc.vtt` of one meeting. Until 0.5.9 the name kept
/// everything but the last extension, and each of those counted the meeting again (helper-109 #1: 3.00 h shown 6.00 h).
enum TranscriptRecording {
    /// Suffixes a tool adds before the format's extension for another kind of the same recording's transcript.
    static let toolSuffixes: Set<String> = ["words", "transcript", "cc"]
    /// Extensions of the audio or video a transcript was made from, which some tools keep in its name.
    static let mediaExtensions: Set<String> = [
        "mp3", "wav", "m4a", "mp4", "webm", "ogg", "oga", "opus", "flac", "aac", "wma", "mov", "mkv", "avi", "mpeg", "mpga",
        "3gp", "amr", "aif", "aiff", "wmv", "mpg", "mp2", "m4v", "m4b", "mts", "m2ts", "ts", "3g2", "caf", "mka", "vob", "flv", "asf",
        "ac3", "spx", "weba", "aifc",
    ]

    /// The recording of the transcript at `display` (a display path), composed (NFC): a name copied from a Mac is
    /// decomposed and the same name copied from Windows is not.
    static func name(of display: String) -> String {
        var name = legacyName(of: display)
        repeat {
            while let dot = name.lastIndex(of: "."), case let last = name[name.index(after: dot)...], !last.contains("/"),
                  dot != name.startIndex, name[name.index(before: dot)] != "/",
                  toolSuffixes.contains(last.lowercased()) || mediaExtensions.contains(last.lowercased()) {
                name = String(name[..<dot])
            }
        } while removeExportStamp(from: &name)
        return name
    }

    /// Buzz (a desktop app for Whisper) names each export of a recording `X (transcribed on 24-Mar-2025 15-00-00).srt`, by the
    /// moment of the export: its SRT and VTT written a second apart, or a format exported again, were each a recording of
    /// their own, and the meeting counted once a file (helper-137: 2.50 h shown 7.50 h). The stamp is not the recording's.
    static func removeExportStamp(from name: inout String) -> Bool {
        guard name.hasSuffix(")"), let open = name.range(of: " (", options: .backwards) else { return false }
        let inner = name[open.upperBound..<name.index(before: name.endIndex)]
        let words = inner.split(separator: " ")
        guard words.count == 4, ["transcribed", "translated"].contains(words[0]), words[1] == "on",
              words[2].split(separator: "-").map(\.count) == [2, 3, 4], words[3].split(separator: "-").map(\.count) == [2, 2, 2],
              (words[2] + words[3]).allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else { return false }
        name = String(name[..<open.lowerBound])
        return true
    }

    /// The recording as Kouka 0.5.8 and earlier named it, by the name without its last extension only: the run id a
    /// transcript read by them holds in the store.
    static func legacyName(of display: String) -> String {
        let composed = display.precomposedStringWithCanonicalMapping
        guard let dot = composed.lastIndex(of: "."), !composed[dot...].contains("/") else { return composed }
        return String(composed[..<dot])
    }
}
