/// One option of a job's command line: a flag, or an option that takes a value (`--config <config>`).
package struct JobOption: Sendable {
    /// What follows the option's name.
    package enum Value: Sendable, Equatable {
        /// Nothing: the option is a flag.
        case none
        /// Any text; the job checks it.
        case text
        /// A whole number, checked while the arguments are read.
        case integer
    }

    /// The long name, without its dashes: `config` for `--config`.
    package let long: String
    /// The one-letter name, if any: `c` for `-c`.
    package let short: Character?
    package let value: Value
    /// One or more sentences for `--help` and the man page.
    package let help: String
    /// Shown in `--help` and used when the option is not given.
    package let defaultValue: String?
    package let isRequired: Bool
    /// Left out of `--help`, the usage line and the man page: for tests and benchmarks (`--today`).
    package let isHidden: Bool

    /// An option without a value, false unless given.
    package static func flag(_ long: String, short: Character? = nil, help: String) -> JobOption {
        JobOption(long: long, short: short, value: .none, help: help, defaultValue: nil, isRequired: false, isHidden: false)
    }

    /// An option that takes text.
    package static func text(_ long: String, short: Character? = nil, default defaultValue: String? = nil, hidden: Bool = false,
                             help: String) -> JobOption {
        JobOption(long: long, short: short, value: .text, help: help, defaultValue: defaultValue, isRequired: false, isHidden: hidden)
    }

    /// An option that takes a whole number.
    package static func integer(_ long: String, required: Bool = false, help: String) -> JobOption {
        JobOption(long: long, short: nil, value: .integer, help: help, defaultValue: nil, isRequired: required, isHidden: false)
    }

    var takesValue: Bool { value != .none }

    /// `-c, --config <config>`: how `--help` names the option.
    var label: String {
        let names = (short.map { "-\($0), " } ?? "") + "--\(long)"
        return takesValue ? "\(names) <\(long)>" : names
    }

    /// `[--config <config>]`, or `--fiscal-year <fiscal-year>` when required: the option in the usage line.
    var usage: String {
        let names = takesValue ? "--\(long) <\(long)>" : "--\(long)"
        return isRequired ? names : "[\(names)]"
    }
}
