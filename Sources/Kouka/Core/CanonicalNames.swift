/// Numbers names as `String` equality tells them apart: two spellings of one name (composed and decomposed) get
/// one number, as they tie in `String.<` and are one key of a `[String: …]`.
///
/// A store's hundreds of thousands of rollups repeat a few dozen Japanese names, and hashing a `String` normalises
/// it to NFC each time. Each name is looked up by its bytes first (`ExactText`), and only a spelling not seen
/// before is hashed as a `String`, so the rollups cost a byte hash each and the names a normalisation each.
struct CanonicalNames {
    private var byBytes: [ExactText: Int] = [:]
    private var byName: [String: Int] = [:]
    /// The first spelling of each number's name, by number.
    private(set) var names: [String] = []

    /// The number of `name`: a new one when no name equal to it as a `String` was numbered before.
    mutating func number(of name: String) -> Int {
        let bytes = ExactText(name)
        if let number = byBytes[bytes] { return number }
        let number: Int
        if let known = byName[name] {
            number = known
        } else {
            number = names.count
            names.append(name)
            byName[name] = number
        }
        byBytes[bytes] = number
        return number
    }

    /// Each number's rank among the names by `String.<` (no two numbers' names are equal, so no two ranks are).
    func ranks() -> [Int] {
        var ranks = [Int](repeating: 0, count: names.count)
        for (rank, number) in names.indices.sorted(by: { names[$0] < names[$1] }).enumerated() { ranks[number] = rank }
        return ranks
    }
}
