/// The range a number of the configuration must be in for the figures it reaches to mean anything: a
/// target of `nan` hours or a staff cost of `inf` yen (both valid TOML) would print as a figure.
enum ConfigurationNumber {
    /// 0 or more: a count, a target or a cost that may be nothing.
    case zeroOrMore
    /// More than 0: a rate or a length of time that must be something.
    case moreThanZero
    /// Between the bounds, both included.
    case within(ClosedRange<Double>)

    /// `value`, when it is finite and in range; else the error names `key` (with its table) and the range.
    func check(_ value: Double, key: String, path: String) throws(ConfigurationError) -> Double {
        try check(value, key: key, path: path, kind: "a finite number")
    }

    /// An integer key such as a count of tasks: in range, else the error names `key`.
    func check(_ value: Int, key: String, path: String) throws(ConfigurationError) -> Int {
        _ = try check(Double(value), key: key, path: path, kind: "a whole number")
        return value
    }

    private func check(_ value: Double, key: String, path: String, kind: String) throws(ConfigurationError) -> Double {
        let inRange: Bool, wanted: String
        switch self {
        case .zeroOrMore: (inRange, wanted) = (value >= 0, "0 or more")
        case .moreThanZero: (inRange, wanted) = (value > 0, "more than 0")
        case let .within(range): (inRange, wanted) = (range.contains(value), "from \(Self.text(range.lowerBound)) to \(Self.text(range.upperBound))")
        }
        guard value.isFinite, inRange else {
            throw ConfigurationError(path: path, message: "\(key) is \(Self.text(value)); it must be \(kind) \(wanted)")
        }
        return value
    }

    /// `3000`, `0.5`, `nan`, `inf`, `-inf`: as the TOML file writes it.
    private static func text(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
