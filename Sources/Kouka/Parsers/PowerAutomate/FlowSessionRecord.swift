import Foundation

/// The fields of one `flowsession` row that Kouka uses, from a CSV row or a JSON object alike.
struct FlowSessionRecord {
    var id: String = ""
    var name: String
    var startedOn: String
    var completedOn: String
    var runDuration: String
    var statusCode: String

    /// The event this run is, nil for a run that has not finished; throws for a row that cannot count.
    /// Times without an offset are read in `reading`'s zone.
    func event(line: Int, context: ParseContext, reading: LocalClock) throws(RowProblem) -> UsageEvent? {
        let outcome: Outcome
        switch FlowSessionStatus(statusCode) {
        case let .finished(value): outcome = value
        case .unfinished:
            // Running or paused, unless for longer than the allowed age: then it never finished. A run with no
            // start time could wait for ever unseen: it is rejected instead.
            guard !startedOn.isEmpty else {
                throw RowProblem("statuscode \(statusCode.prefix(20)) (not finished) but startedon is empty: Kouka cannot tell how long it has been running")
            }
            let started = try CSVTable.timestamp(startedOn, column: "startedon").instant(in: reading)
            guard context.now.timeIntervalSince(started) > context.pendingMaxAge else { return nil }
            outcome = .unfinished
        case .unknown:
            guard !statusCode.isEmpty else { throw RowProblem("statuscode is empty: Kouka cannot tell whether the run succeeded") }
            throw RowProblem("statuscode \(statusCode.prefix(20)) is not a flowsession status (4 Succeeded, 7 Cancelled, 8 Failed, …)")
        }
        guard !name.isEmpty else { throw RowProblem("name (the flow) is empty") }
        guard !startedOn.isEmpty || !completedOn.isEmpty else { throw RowProblem("startedon and completedon are both empty") }
        var start: Date? = nil, end: Date? = nil
        if !startedOn.isEmpty { start = try CSVTable.timestamp(startedOn, column: "startedon").instant(in: reading) }
        if !completedOn.isEmpty { end = try CSVTable.timestamp(completedOn, column: "completedon").instant(in: reading) }
        var machine: Double? = nil
        if !runDuration.isEmpty {
            guard let seconds = DecimalText.plainNumber(runDuration), seconds.isFinite, seconds >= 0, seconds <= CSVRow.largestPlausible else {
                throw RowProblem("runduration is not a number of seconds written as plain digits (no thousands separator, no E notation, which keeps only the digits a spreadsheet showed): \(runDuration.prefix(20)); export the column unformatted")
            }
            machine = seconds
        }
        if let start, let end {
            let span = try RunSpan.seconds(from: start, to: end, startColumn: "startedon", endColumn: "completedon")
            if machine == nil { machine = span }
        }
        // A run cancelled before it started has only its completion time.
        let occurred = start ?? end!.addingTimeInterval(-(machine ?? 0))
        return UsageEvent(family: .rpa, occurredAt: occurred, taskName: name, outcome: outcome, quantity: 1,
                          unit: .runs, machineSeconds: machine, source: context.location(line))
    }

    /// The local day (in `clock`) the run started, as `event` reads it, for a rejected record: its start, else
    /// its completion less its duration; nil when the record does not give them readably.
    func startDay(reading: LocalClock, clock: LocalClock) -> LocalDate? {
        if !startedOn.isEmpty { return Timestamp(startedOn).map { clock.localDate(of: $0.instant(in: reading)) } }
        var seconds = 0.0
        if !runDuration.isEmpty {
            guard let value = DecimalText.plainNumber(runDuration), value.isFinite, value >= 0, value <= CSVRow.largestPlausible else { return nil }
            seconds = value
        }
        return Timestamp(completedOn).map { clock.localDate(of: $0.instant(in: reading).addingTimeInterval(-seconds)) }
    }
}

extension FlowSessionRecord: Decodable {
    private enum Keys: String, CodingKey {
        case flowsessionid, name, startedon, completedon, runduration, statuscode
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        id = try c.flexibleString(.flowsessionid)
        name = try c.flexibleString(.name)
        startedOn = try c.flexibleString(.startedon)
        completedOn = try c.flexibleString(.completedon)
        runDuration = try c.flexibleString(.runduration)
        statusCode = try c.flexibleString(.statuscode)
    }
}

extension FlowSessionRecord {
    /// The times of an object that does not decode as a record (a field of another type): each of `startedon`,
    /// `completedon` and `runduration` as it reads, empty when it does not.
    private struct Times: Decodable {
        var startedOn = "", completedOn = "", runDuration = ""
        private enum Keys: String, CodingKey { case startedon, completedon, runduration }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Keys.self)
            func readable(_ key: Keys) -> String {
                do { return try c.flexibleString(key) } catch { return "" }
            }
            startedOn = readable(.startedon)
            completedOn = readable(.completedon)
            runDuration = readable(.runduration)
        }
    }

    /// The local day a rejected object that did not decode started, by its times that read (`startDay`); nil when
    /// none does, or it is no JSON object: it is then shown with the rows whose date is unknown.
    static func startDay(ofUndecoded json: Data, reading: LocalClock, clock: LocalClock) -> LocalDate? {
        let times: Times
        do { times = try JSONDecoder().decode(Times.self, from: json) } catch { return nil }
        return FlowSessionRecord(name: "", startedOn: times.startedOn, completedOn: times.completedOn, runDuration: times.runDuration, statusCode: "")
            .startDay(reading: reading, clock: clock)
    }
}

extension KeyedDecodingContainer {
    /// A string, number or null as text ("" for null or absent): exports differ in how they type fields. Any
    /// other value (true, an object, an array) throws the decoder's type mismatch, naming the key, so that the
    /// record is rejected rather than read as if the field were empty.
    func flexibleString(_ key: Key) throws -> String {
        guard contains(key), try !decodeNil(forKey: key) else { return "" }
        do {
            return try decode(String.self, forKey: key)
        } catch DecodingError.typeMismatch {
            // Not a string: a number, tried next.
        }
        do {
            return String(try decode(Int.self, forKey: key))
        } catch {
            // Not a whole number that fits an Int (Foundation throws its own error for 5.5), or no number at
            // all: the Double decoding below decides, and throws for anything that is not a number.
        }
        return String(try decode(Double.self, forKey: key))
    }
}
