import Foundation

/// A strict reader of Prometheus' text exposition format (0.0.4) as node_exporter's textfile collector
/// takes it, written from the format's description rather than from Kouka's writer: metric and label
/// names by their regular expressions, `# HELP` and `# TYPE` once per metric and before its samples,
/// quoted label values with their three escapes, values as Go's ParseFloat reads them.
enum PrometheusTextParser {
    struct Sample: Equatable {
        var name: String
        var labels: [String: String]
        var value: Double
    }

    struct Failure: Error, CustomStringConvertible {
        var line: Int
        var problem: String
        var description: String { "line \(line): \(problem)" }
    }

    static let metricName = try! NSRegularExpression(pattern: "^[a-zA-Z_:][a-zA-Z0-9_:]*$")
    static let labelName = try! NSRegularExpression(pattern: "^[a-zA-Z_][a-zA-Z0-9_]*$")
    static let types: Set<String> = ["counter", "gauge", "histogram", "summary", "untyped"]

    static func matches(_ regex: NSRegularExpression, _ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// The samples, with each metric's help and type; throws at the first line that breaks the format.
    static func parse(_ text: String) throws -> (samples: [Sample], help: [String: String], type: [String: String]) {
        guard text.isEmpty || text.hasSuffix("\n") else { throw Failure(line: 0, problem: "the last line is not ended by a newline") }
        var samples: [Sample] = [], help: [String: String] = [:], type: [String: String] = [:]
        var sampled = Set<String>()
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().enumerated() {
            let number = index + 1
            if line.isEmpty { continue }
            if line.hasPrefix("#") {
                let parts = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
                guard parts.count >= 3, parts[0] == "#", ["HELP", "TYPE"].contains(parts[1]) else { continue }
                let name = parts[2]
                guard matches(metricName, name) else { throw Failure(line: number, problem: "bad metric name \(name)") }
                guard !sampled.contains(name) else { throw Failure(line: number, problem: "\(parts[1]) for \(name) after its samples") }
                if parts[1] == "HELP" {
                    guard help[name] == nil else { throw Failure(line: number, problem: "second HELP for \(name)") }
                    let body = parts.count > 3 ? parts[3] : ""
                    guard !body.replacingOccurrences(of: "\\\\", with: "").replacingOccurrences(of: "\\n", with: "").contains("\\") else {
                        throw Failure(line: number, problem: "bad escape in HELP")
                    }
                    help[name] = body
                } else {
                    guard type[name] == nil else { throw Failure(line: number, problem: "second TYPE for \(name)") }
                    guard parts.count == 4, types.contains(parts[3]) else { throw Failure(line: number, problem: "bad TYPE line") }
                    type[name] = parts[3]
                }
                continue
            }
            samples.append(try sample(String(line), line: number))
            sampled.insert(samples.last!.name)
        }
        return (samples, help, type)
    }

    private static func sample(_ line: String, line number: Int) throws -> Sample {
        var rest = Substring(line)
        let name = String(rest.prefix { $0 != "{" && $0 != " " })
        guard matches(metricName, name) else { throw Failure(line: number, problem: "bad metric name \(name)") }
        rest = rest.dropFirst(name.count)
        var labels: [String: String] = [:]
        if rest.first == "{" {
            rest = rest.dropFirst()
            while rest.first != "}" {
                let label = String(rest.prefix { $0 != "=" })
                guard matches(labelName, label), !label.hasPrefix("__") else { throw Failure(line: number, problem: "bad label name \(label)") }
                rest = rest.dropFirst(label.count)
                guard rest.hasPrefix("=\"") else { throw Failure(line: number, problem: "label \(label) without =\"") }
                rest = rest.dropFirst(2)
                var value = ""
                while true {
                    guard let c = rest.first else { throw Failure(line: number, problem: "unterminated label value") }
                    rest = rest.dropFirst()
                    if c == "\"" { break }
                    if c == "\\" {
                        guard let e = rest.first, ["\\", "\"", "n"].contains(e) else { throw Failure(line: number, problem: "bad escape in label value") }
                        value.append(e == "n" ? "\n" : e)
                        rest = rest.dropFirst()
                    } else {
                        value.append(c)
                    }
                }
                guard labels[label] == nil else { throw Failure(line: number, problem: "label \(label) twice") }
                labels[label] = value
                if rest.first == "," { rest = rest.dropFirst() } else if rest.first != "}" { throw Failure(line: number, problem: "expected , or }") }
            }
            rest = rest.dropFirst()
        }
        guard rest.first == " " else { throw Failure(line: number, problem: "no space before the value") }
        let fields = rest.dropFirst().split(separator: " ", omittingEmptySubsequences: false)
        guard (1...2).contains(fields.count), let value = goFloat(String(fields[0])) else {
            throw Failure(line: number, problem: "bad value \(rest.dropFirst())")
        }
        if fields.count == 2, Int64(fields[1]) == nil { throw Failure(line: number, problem: "bad timestamp \(fields[1])") }
        return Sample(name: name, labels: labels, value: value)
    }

    /// A number as Go's strconv.ParseFloat takes it (decimal or exponent, NaN, ±Inf); nil otherwise.
    static func goFloat(_ text: String) -> Double? {
        switch text {
        case "NaN": return .nan
        case "+Inf", "Inf": return .infinity
        case "-Inf": return -.infinity
        default: break
        }
        let pattern = try! NSRegularExpression(pattern: "^[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?$")
        return matches(pattern, text) ? Double(text) : nil
    }
}
