/// libcsv could not go on; the file is rejected whole with the reason libcsv gives.
package struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    package let path: String
    package let line: Int
    package let reason: String

    package var description: String {
        "\(path):\(line): CSV parse stopped (\(reason)); check that the file is a CSV export and not truncated"
    }
}
