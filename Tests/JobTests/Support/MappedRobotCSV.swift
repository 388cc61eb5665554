/// The configuration of a city whose robots' runs are one mapped CSV export (`rpa-csv`) under `logs/`: `columns` and
/// `values` are the lines of `[source.columns]` and `[source.values]`.
enum MappedRobotCSV {
    static func configuration(columns: [String], values: [String]) -> String {
        (["catalog = \"catalog.csv\"", "output = \"reports\"", "[[source]]", "format = \"rpa-csv\"", "path = \"logs/*.csv\"", "[source.columns]"]
            + columns + ["[source.values]"] + values).joined(separator: "\n") + "\n"
    }
}
