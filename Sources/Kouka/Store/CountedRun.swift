
/// A run another file counts (`KoukaStore.runsCountedElsewhere`): the file, and how far on it counted the run, which
/// decides whether a file that holds the run further on takes it over (`stage`).
struct CountedRun: Equatable {
    var path: String
    /// Counted without an end: unfinished, or a chatbot's question last in its export.
    var unfinished: Bool
    /// Besides, a question no answer followed yet.
    var unanswered = false
    /// The ledger line of the file counting it: of two files of a format whose exports may date one run otherwise
    /// (`LogParser.datesRunsAsExported`), the one recorded first keeps the run, whichever counted it since, so that the day
    /// the run counts on (and its fiscal year, at March's end) is the one a reading in the order the files were first
    /// recorded gives, as verification's does (helper-79's takeback_then_restored.sh, helper-80's
    /// overlap_other_day_saved_over_verify.sh). Nil where not known (a run to leave out named by a file read again).
    var countedInLine: Int64? = nil

    /// How far on the file saw the run: 0 a question not answered yet, last in its export; 1 a run counted without its
    /// end (an answered question still last); 2 ended. A copy at a later stage takes the run over; at the same stage,
    /// the file read first keeps it.
    var stage: Int { Self.stage(unfinished: unfinished, unanswered: unanswered) }

    /// The stage of a run counted so: `unanswered` only with `unfinished`.
    static func stage(unfinished: Bool, unanswered: Bool) -> Int { unfinished ? (unanswered ? 0 : 1) : 2 }

    /// The stage at which the file whose own sets (`RunKeyStream`) are these holds the run `hash`.
    static func stage(of hash: UInt64, unfinished: Set<UInt64>, unanswered: Set<UInt64>) -> Int {
        stage(unfinished: unfinished.contains(hash), unanswered: unanswered.contains(hash))
    }
}

/// The runs a counted file counts, and of those the ones it counted unfinished and the questions no answer followed yet.
struct CountedRuns {
    var all: Set<UInt64>
    var unfinished: Set<UInt64>
    var unanswered: Set<UInt64>
}
