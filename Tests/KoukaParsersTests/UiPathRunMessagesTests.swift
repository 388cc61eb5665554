import Testing
@testable import Kouka

/// A run's first and last lines are recognised by "<processName> <phrase>", byte for byte.
struct UiPathRunMessagesTests {
    @Test(arguments: [
        ("国保異動 execution started", "国保異動", true),
        ("国保異動  execution started", "国保異動", true),
        ("国保異動の実行が開始されました", "国保異動", true),
        ("国保異動 execution started.", "国保異動", false),
        ("国保異動 execution ended", "国保異動", false),
        ("国保 execution started", "国保異動", false),
        ("国保異動X execution started", "国保異動", false),
        ("国保異動", "国保異動", false),
        ("execution started", "", true),
        ("", "", false),
    ])
    func aStartMessage(message: String, process: String, isStart: Bool) {
        #expect(UiPathRunMessages.isMessage(message, of: process, oneOf: UiPathRunMessages.started) == isStart)
    }

    @Test func onlyMessagesEndingWithAPhraseAreDecoded() {
        for (text, may) in [("x execution ended", true), ("xの実行が終了しました", true), ("execution ende", false), ("", false), ("ended", false)] {
            let bytes = Array(text.utf8)
            #expect(bytes.withUnsafeBytes { UiPathRunMessages.mayBeStartOrEnd($0) } == may, "\(text)")
        }
    }
}
