/// What a run a file keeps in `run_rollups` (its `counted` column) is to that file.
enum RunRollupRole: Int64 {
    /// Left out because another file counts it: the file counts it should that file no longer (`KoukaStore.takeBack`).
    case leftOut = 0
    /// Counted before its end (unfinished, or a chatbot's last question): given up to a later file holding it further on.
    case countedOpen = 1
    /// Still running when the file was read (a pending run), not counted: a deleted file counts it as unfinished once it is
    /// past `pending_max_hours`, unless a file Kouka reads holds it (`KoukaStore.countWaitingRuns`).
    case waiting = 2
}
