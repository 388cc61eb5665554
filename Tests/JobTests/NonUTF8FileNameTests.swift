import Foundation
import Testing

/// A log whose name is Shift_JIS bytes (実行履歴.csv from a zip made on Japanese Windows) is named under `filesUnreadable`
/// with what is wrong with it, its name, not as a file that is not there (helper-88's sjis-file-name-says-no-such-file.sh).
struct NonUTF8FileNameTests {
    @Test func aNameInShiftJISIsNamedForItsEncoding() throws {
        let city = try SmallCity("sjis-name")
        defer { city.remove() }
        try city.write("catalog.csv", """
            task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match
            A,a,課1,rpa,runs,60,0,2020-04-01,a

            """)
        try city.write("kouka.toml", MappedRobotCSV.configuration(columns: [#"task = "task""#, #"start = "start""#], values: []))
        try city.write("logs/ok.csv", "task,start\na,2024-05-01 10:00\n")
        // 実行履歴.csv in Shift_JIS bytes, written by its bytes: no String can name it.
        let name = Array(city.root.appendingPathComponent("logs").path.utf8) + [0x2F, 0x8E, 0xC0, 0x8D, 0x73, 0x97, 0x9A, 0x97, 0xF0, 0x2E, 0x63, 0x73, 0x76, 0]
        let descriptor = name.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
        #expect(descriptor >= 0)
        let text = Array("task,start\na,2024-05-02 10:00\n".utf8)
        #expect(text.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) } == text.count)
        close(descriptor)
        let night = try city.nightly()
        #expect(night.exitCode == 1)
        let unreadable = try night.summary()["filesUnreadable"] as? [[String: Any]] ?? []
        #expect(unreadable.count == 1)
        let reason = unreadable.first?["reason"] as? String ?? ""
        #expect(reason.contains("its name is not UTF-8 text") && !reason.contains("No such file"), "\(reason)")
    }
}
