
/// A run another file counts (`KoukaStore.runsCountedElsewhere`): the file, and whether it counted the run as
/// unfinished, in which case a file that holds the run ended takes it over.
struct CountedRun: Equatable {
    var path: String
    var unfinished: Bool
}
