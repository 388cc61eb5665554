import Foundation
@testable import Kouka

/// libFuzzer's entry point: the input is written to a file (parsers stream files) and read by the parser
/// named in KOUKA_FUZZ_FORMAT, or by the task catalog's loader for `catalog`. A crash, a hang or a runaway
/// allocation is a bug; rejections are not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let state = FuzzState.shared
    guard let handle = FileHandle(forWritingAtPath: state.path) else { return 0 }
    handle.truncateFile(atOffset: 0)
    handle.write(Data(bytes: data, count: size))
    try? handle.close()
    guard let parser = state.parser else {
        _ = try? TaskCatalogLoader.load(path: state.path)
        return 0
    }
    let sink = DiscardingSink()
    var context = ParseContext(clock: .tokyo, displayPath: "fuzz", encoding: .auto, today: LocalDate(year: 2024, month: 6, day: 1),
                               now: Date(timeIntervalSince1970: 1_717_200_000))
    if parser.digestsWhileReading(path: state.path) { context.digest = CountingDigest() }
    _ = try? parser.parse(path: state.path, context: context, into: sink)
    return 0
}

/// Counts what a parser hands over, so nothing is optimised away.
final class DiscardingSink: ParseSink {
    var events = 0, rejections = 0
    func accept(_ event: UsageEvent) { events += 1 }
    func reject(_ rejection: Rejection) { rejections += 1 }
}

/// Takes the bytes a parser hands over as it reads; a parser that hands over a byte twice or out of order
/// is a bug (the ledger's SHA-256 would be wrong), so that stops the fuzzer.
final class CountingDigest: ByteDigest, @unchecked Sendable {
    var count: Int64 = 0
    func update(_ bytes: UnsafeRawBufferPointer) { count += Int64(bytes.count) }
    func update(fileAt path: String, range: Range<Int64>) -> Bool {
        precondition(range.lowerBound == count, "the digest was handed bytes out of order")
        count = range.upperBound
        return true
    }
}

/// The parser under test and the scratch file, made once per process. The mapped formats use the sample
/// city's column names, so that its logs seed them.
final class FuzzState: @unchecked Sendable {
    static let shared = FuzzState()
    /// Nil for the catalog.
    let parser: (any LogParser)?
    let path: String

    init() {
        let environment = ProcessInfo.processInfo.environment
        let format = environment["KOUKA_FUZZ_FORMAT"] ?? "winactor-task-csv"
        // A task only where the format reads one: given to another it is refused, as in a configuration.
        let options = SourceOptions(columns: Self.columns[format] ?? [:], values: Self.values[format] ?? [:],
                                    task: FormatRegistry.readingSourceTask.contains(format) ? "fuzz" : nil)
        if format == "catalog" {
            parser = nil
        } else if format == "winactor-task-csv", let split = environment["KOUKA_FUZZ_SPLIT_BYTES"].flatMap(Int64.init) {
            // Every input read in two parts, as a large export is: the guessed cut, its check and the second reading.
            parser = WinActorTaskCSVParser(splitBytes: split)
        } else if let factory = FormatRegistry.factories[format], let made = try? factory(options) {
            parser = made
        } else {
            fatalError("KOUKA_FUZZ_FORMAT \(format) is not a format with a working fuzz mapping")
        }
        // A dated name, as robots and recorders name their files: parsers take the day from it.
        let suffix = environment["KOUKA_FUZZ_SUFFIX"] ?? ".log"
        let folder = "/dev/shm/kouka-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        path = "\(folder)/2024-05-01_Execution\(suffix)"
        _ = FileManager.default.createFile(atPath: path, contents: nil)
    }

    static let values: [String: [String: [String]]] = [
        "rpa-csv": ["success": ["正常終了"], "failure": ["異常終了"], "cancelled": ["中断"]],
        "ai-ocr-csv": ["success": ["完了"], "failure": ["エラー"]],
        "chatbot-csv": ["answered": ["回答済"], "unanswered": ["未回答"], "escalated": ["あり"], "not_escalated": ["なし"]],
    ]

    static let columns: [String: [String: String]] = [
        "rpa-csv": ["task": "ロボット名", "department": "担当課", "start": "開始日時", "end": "終了日時", "status": "結果", "items": "処理件数"],
        "ai-ocr-csv": ["time": "読取日時", "form": "帳票名", "department": "担当課", "sheets": "読取枚数", "fields": "読取項目数",
                       "corrected": "修正項目数", "verification_minutes": "確認時間（分）", "status": "状態"],
        "minutes-session-csv": ["meeting": "会議名", "department": "所管課", "time": "開催日時", "audio_minutes": "音声時間（分）",
                                "editing_minutes": "編集時間（分）"],
        "chatbot-csv": ["time": "日時", "session": "セッションID", "category": "カテゴリ", "answered": "回答状況", "escalated": "有人対応",
                        "rating": "評価"],
        "translation-usage": ["time": "日時", "department": "所属", "source_language": "原文言語", "target_language": "訳文言語",
                              "characters": "文字数", "post_edit_minutes": "後編集（分）", "task": "文書種別"],
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
