@testable import Kouka
import Testing

/// `TranscriptRecording.name(of:)`: the recording every format of one transcript shares — its folder and name without
/// the last extension (and a tool's suffix or the audio's extension before it), composed, so that a name copied from a Mac (decomposed) is the same recording (helper-90).
struct TranscriptRecordingTests {
    @Test func everyFormatAndSpellingOfOneNameIsOneRecording() {
        let composed = "庁議/2024-05-13_\u{304C}ん.srt", decomposed = "庁議/2024-05-13_\u{304B}\u{3099}ん.vtt"
        // Its run id is hashed from its bytes, which must be the same, not only canonically equal.
        #expect(Array(TranscriptRecording.name(of: composed).utf8) == Array(TranscriptRecording.name(of: decomposed).utf8))
        #expect(TranscriptRecording.name(of: "whisper/radio_short.mp3.srt") == "whisper/radio_short")
        #expect(TranscriptRecording.name(of: "v1.2/meeting") == "v1.2/meeting")
        #expect(TranscriptRecording.name(of: "a/x.srt") != TranscriptRecording.name(of: "b/x.srt"))
    }
}
