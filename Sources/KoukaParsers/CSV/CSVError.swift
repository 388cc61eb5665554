/// libcsv could not go on; the file is rejected whole with the reason libcsv gives.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let line: Int
    public let reason: String

    public var description: String {
        "\(path):\(line): CSV parse stopped (\(reason)); check that the file is a CSV export and not truncated"
    }
}
