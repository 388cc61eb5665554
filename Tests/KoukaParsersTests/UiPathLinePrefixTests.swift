import Foundation
@testable import Kouka
import Testing

/// The `HH:mm:ss.ffff LEVEL ` before each `Execution.log` line's JSON, read from bytes.
struct UiPathLinePrefixTests {
    static func split(_ text: String) -> (Int, Int, Double)? {
        var line = text
        return line.withUTF8 { UiPathExecutionLogParser.splitPrefix(UnsafeRawBufferPointer($0))?.time }
    }

    @Test(arguments: [
        ("09:05:01.1234 Info {\"a\":1}", 9, 5, 1.1234),
        ("23:59:59 Error {}", 23, 59, 59.0),
        ("  7:05:01.5  Fatal  {}", 7, 5, 1.5),
        ("00:00:59.9999 Trace {}", 0, 0, 59.9999),
    ])
    func readsTheTimeOfALine(text: String, hour: Int, minute: Int, second: Double) throws {
        let time = try #require(Self.split(text))
        #expect(time.0 == hour && time.1 == minute && abs(time.2 - second) < 1e-9)
    }

    @Test(arguments: [
        "24:00:00.0 Info {}", "09:60:00 Info {}", "09:05:61 Info {}", "23:59:60 Info {}", "09:05 Info {}", "09:05:01.1234 Verbose {}",
        "09:05:01.1234Info {}", "x9:05:01 Info {}", "09:05:01. Info {}", "09:05:01.1234 Info extra {}", "{\"a\":1}",
        "09:05:01.1234 Info no brace",
    ])
    func refusesAnythingElse(text: String) {
        #expect(Self.split(text) == nil)
    }
}
