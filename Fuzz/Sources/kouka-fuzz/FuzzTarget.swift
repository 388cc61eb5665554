import Foundation
import KoukaCore
import KoukaParsers

/// libFuzzer's entry point: the input is written to a file (parsers stream files) and read by the parser
/// named in KOUKA_FUZZ_FORMAT. A crash, a hang or a runaway allocation is a bug; rejections are not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let path = FuzzState.shared.path
    guard let handle = FileHandle(forWritingAtPath: path) else { return 0 }
    handle.truncateFile(atOffset: 0)
    handle.write(Data(bytes: data, count: size))
    try? handle.close()
    let sink = DiscardingSink()
    let context = ParseContext(clock: .tokyo, displayPath: "fuzz", encoding: .auto, today: LocalDate(year: 2024, month: 6, day: 1),
                               now: Date(timeIntervalSince1970: 1_717_200_000))
    _ = try? FuzzState.shared.parser.parse(path: path, context: context, into: sink)
    return 0
}

/// Counts what a parser hands over, so nothing is optimised away.
final class DiscardingSink: ParseSink {
    var events = 0, rejections = 0
    func accept(_ event: UsageEvent) { events += 1 }
    func reject(_ rejection: Rejection) { rejections += 1 }
}

/// The parser under test and the scratch file, made once per process.
final class FuzzState: @unchecked Sendable {
    static let shared = FuzzState()
    let parser: any LogParser
    let path: String

    init() {
        let format = ProcessInfo.processInfo.environment["KOUKA_FUZZ_FORMAT"] ?? "winactor-task-csv"
        let options = SourceOptions(columns: Self.columns[format] ?? [:], values: Self.values[format] ?? [:], task: "fuzz")
        guard let factory = FormatRegistry.factories[format], let parser = try? factory(options) else {
            fatalError("KOUKA_FUZZ_FORMAT \(format) is not a format with a working fuzz mapping")
        }
        self.parser = parser
        let suffix = ProcessInfo.processInfo.environment["KOUKA_FUZZ_SUFFIX"] ?? ".log"
        path = "/dev/shm/kouka-fuzz-\(getpid())\(suffix)"
        FileManager.default.createFile(atPath: path, contents: nil)
    }

    static let values: [String: [String: [String]]] = [
        "rpa-csv": ["success": ["FINISH"], "failure": ["ERROR"]],
        "ai-ocr-csv": ["success": ["完了"], "failure": ["エラー"]],
        "chatbot-csv": ["answered": ["回答済"], "unanswered": ["未回答"], "escalated": ["あり"]],
    ]

    static let columns: [String: [String: String]] = [
        "rpa-csv": ["task": "task", "start": "start", "end": "end", "status": "status", "items": "items"],
        "ai-ocr-csv": ["form": "form", "time": "time", "sheets": "sheets", "verification_minutes": "minutes", "status": "status"],
        "minutes-session-csv": ["meeting": "meeting", "time": "time", "audio_minutes": "audio", "editing_minutes": "editing"],
        "chatbot-csv": ["time": "time", "category": "category", "answered": "answered", "escalated": "escalated"],
        "translation-usage": ["time": "time", "characters": "chars", "post_edit_minutes": "post"],
    ]
}

/// libFuzzer's driver, called from the executable's entry point (SwiftPM names it `kouka_fuzz_main`).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("kouka_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}
