/// A run whose record says it still runs, younger than `pending_max_hours` (a pending run): not counted, but kept as it
/// would count were it unfinished now, so that a file deleted before the run ends still counts it once it is past the
/// allowed age, unless a file Kouka reads holds it (`SourceIngestor.settleWaitingRuns`).
enum WaitingRun {
    /// Counts a pending run in `summary`, and hands `sink` the run `event` builds in a context with no allowed age
    /// (`ParseContext.pastEveryAge`: as unfinished), under run id `id`. A record whose other fields do not read stays a
    /// pending run only, as before: they are judged once the run ends, or once it is past the allowed age.
    static func keep(id: String, line: Int, summary: inout ParseSummary, sink: any ParseSink, as event: () throws(RowProblem) -> UsageEvent?) {
        summary.pendingRuns += 1
        guard !id.isEmpty else { return }
        do throws(RowProblem) {
            if let event = try event() { sink.waiting(event, hash: RunKeyHash.of(id), line: line) }
        } catch {
            // Judged once the run ends.
        }
    }
}

extension ParseContext {
    /// This context with no allowed age: a run still running reads as it would once past `pending_max_hours` (unfinished).
    var pastEveryAge: ParseContext {
        var context = self
        context.pendingMaxAge = -.infinity
        return context
    }
}
