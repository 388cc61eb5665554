import Foundation
import Kouka
import Testing

/// Issue 14 item 4: a mapped CSV source's `delimiter` is a comma or a tab; anything else is refused by its
/// key, since a wrong delimiter would read every row as one column.
@Suite struct SourceDelimiterConfigurationTests {
    func load(_ delimiter: String) throws -> Result<Configuration, ConfigurationError> {
        let city = try TemporaryCity()
        defer { city.remove() }
        try city.write("kouka.toml", """
            catalog = "catalog.csv"
            [[source]]
            format = "minutes-session-csv"
            path = "logs/*.txt"
            delimiter = \(delimiter)
            [source.columns]
            meeting = "会議名"
            time = "開催日時"
            audio_seconds = "音声秒数"

            """)
        do { return .success(try Configuration.load(path: city.configPath)) } catch { return .failure(error) }
    }

    @Test(arguments: [#""\t""#, #""tab""#, #"",""#]) func aCommaOrATabIsAccepted(_ value: String) throws {
        if case let .failure(error) = try load(value) { Issue.record("\(value): \(error.message)") }
    }

    @Test func anyOtherDelimiterIsRefusedByItsKey() throws {
        guard case let .failure(error) = try load(#"";""#) else { Issue.record("; was accepted"); return }
        #expect(error.message == #"source #1 (logs/*.txt): delimiter ";" is not "," or "\t" (a tab); leave it out to take it from the header row"#)
    }
}
