/// The store's files were read with other settings than kouka.toml gives now — another time zone, other `[office_hours]`,
/// other settings of their `[[source]]` —: nothing is wrong with the configuration, the store awaits the nightly run that
/// reads them again with these. Reports and verification stop with 75 ("the store awaits a nightly run"), as for files an
/// upgrade marked to be read again, where 64 sent a monitor after a configuration error that was none (helper-196 #3).
package struct StoreAwaitsReading: Error, Sendable, Equatable, CustomStringConvertible {
    /// The configuration file, as the message names it.
    package var path: String
    /// What was read otherwise, and what to run.
    package var message: String

    package init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    package var description: String { "configuration \(path): \(message)" }
}
