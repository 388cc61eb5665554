/// Reads a file of runs with ids in one piece, counting every run id once: the same reading as
/// `CSVRunTable` for formats that cannot be split (JSON). A second reading happens only when a hash of
/// an id turns up twice, and only its results reach the sink.
enum RunCountingRead {
    static func read(
        context: ParseContext, sink: any ParseSink, pass: (any ParseSink, inout RunAdmission) throws -> ParseSummary
    ) throws -> ParseSummary {
        let root: any PartitionableSink = (sink as? any PartitionableSink) ?? BufferedSink(target: sink)
        var suspects = Set<UInt64>()
        var preferEnded: [[UInt8]: RunAdmission.EndingRecord] = [:]
        while true {
            let part = root.makePartition()
            var admission = RunAdmission(suspects: suspects, countedElsewhere: context.runsCountedElsewhere, preferEnded: preferEnded)
            let summary = try pass(part, &admission)
            let keys = RunKeySet(logs: [admission.log])
            if suspects.isEmpty {
                let repeated = keys.repeatedHashes()
                if !repeated.isEmpty {
                    suspects = repeated
                    continue
                }
            } else if preferEnded.isEmpty, !admission.endedLater.isEmpty {
                // A run counted unfinished at its first row, whose end a later row gives: counted there instead.
                preferEnded = admission.endedLater
                continue
            }
            root.absorb(part, shiftingLinesBy: 0)
            root.counted(runs: keys)
            return summary
        }
    }
}
