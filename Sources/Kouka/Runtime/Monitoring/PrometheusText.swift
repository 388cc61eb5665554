import Foundation

/// Builds a file in Prometheus' text exposition format (version 0.0.4), as node_exporter's textfile
/// collector reads it: each metric's `# HELP` and `# TYPE` once, before its samples.
struct PrometheusText {
    private(set) var text = ""

    /// Adds a gauge with one sample per `samples` entry (labels, value). Values must be finite: a figure
    /// that could not be computed is left out, never written as 0 or NaN.
    mutating func gauge(_ name: String, help: String, _ samples: [(labels: [(String, String)], value: Double)]) {
        text += "# HELP \(name) \(Self.escapeHelp(help))\n# TYPE \(name) gauge\n"
        // A value that is not finite is left out rather than written as NaN: monitoring then sees it missing.
        for sample in samples where sample.value.isFinite {
            let labels = sample.labels.isEmpty ? "" : "{" + sample.labels.map { "\($0.0)=\"\(Self.escapeLabel($0.1))\"" }.joined(separator: ",") + "}"
            text += "\(name)\(labels) \(Self.number(sample.value))\n"
        }
    }

    /// A gauge with one unlabelled sample.
    mutating func gauge(_ name: String, help: String, _ value: Double) {
        gauge(name, help: help, [(labels: [], value: value)])
    }

    /// Whole numbers without a fraction, others as Swift prints them (which Go's ParseFloat reads).
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    private static func escapeHelp(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }

    private static func escapeLabel(_ text: String) -> String {
        escapeHelp(text).replacingOccurrences(of: "\"", with: "\\\"")
    }
}
