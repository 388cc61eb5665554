@testable import Kouka
import Testing

/// A run id is hashed as its bytes, but a GUID is one id whatever its letters' case and with or without braces
/// (helper-101 #1): a robot's log writes `a0000001-…`, SQL Server `A0000001-…`, .NET's `B` format `{a0000001-…}`.
@Suite struct RunKeyHashTests {
    let guid = "a0000001-0000-4000-8000-00000000beef"

    @Test func aGUIDIsOneIdInAnyCaseAndInBraces() {
        let hash = RunKeyHash.of(guid)
        #expect(RunKeyHash.of(guid.uppercased()) == hash)
        #expect(RunKeyHash.of("{\(guid)}") == hash)
        #expect(RunKeyHash.of("{\(guid.uppercased())}") == hash)
        #expect(RunKeyHash.of("a0000001-0000-4000-8000-00000000beee") != hash)
    }

    /// Other ids keep their case: `Job-1` and `job-1` may be two runs of a tool that numbers them so.
    @Test func anIdThatIsNoGUIDIsHashedAsWritten() {
        #expect(RunKeyHash.of("Job-1") != RunKeyHash.of("job-1"))
        #expect(RunKeyHash.of("{\(guid)") != RunKeyHash.of(guid), "a brace not closed is no GUID in braces")
        #expect(RunKeyHash.of("g0000001-0000-4000-8000-00000000beef") != RunKeyHash.of("G0000001-0000-4000-8000-00000000beef"))
    }
}
