
extension SourceIngestor {
    /// How many days beyond a file's own the files are that may hold its runs again. One run is one task and id, on any
    /// day, yet two exports of a mapped format may date it a day apart (`LogParser.mapsItsTimes`): compared only where
    /// their days overlap, such a run counted in both (helper-74's run_id_other_day_counted_twice.sh: in two fiscal years
    /// at March's end). Formats whose times the vendor writes one way (a WinActor export, a robot's own log) keep the days
    /// of their runs in every file, and their daily files are not compared with the days around, which for a city's
    /// daily exports would compare each with three days' files instead of one (WinActor at 18,260 files: 4.3 → 5.3 s).
    static func daysAround(_ parser: any LogParser) -> Int {
        parser.mapsItsTimes ? 1 : 0
    }
}
