/// One entry of a catalog row's `match` column: an exact name or a glob with `*` (any run of characters)
/// and `?` (one character), compared by Unicode characters so Japanese names glob as expected.
package struct NamePattern: Sendable, Hashable, CustomStringConvertible {
    package let text: String
    let characters: [Character]
    package let isGlob: Bool
    /// The characters before the first wildcard and after the last: every name the pattern matches
    /// starts and ends with them, which tells most pairs of patterns apart at once.
    let literalPrefix: ArraySlice<Character>, literalSuffix: ArraySlice<Character>

    package init(_ text: String) {
        self.text = text
        characters = Array(text)
        let wildcard: (Character) -> Bool = { $0 == "*" || $0 == "?" }
        isGlob = characters.contains(where: wildcard)
        literalPrefix = characters.prefix { !wildcard($0) }
        literalSuffix = characters[((characters.lastIndex(where: wildcard) ?? -1) + 1)...]
    }

    package func matches(_ name: String) -> Bool {
        guard isGlob else { return name == text }
        return Self.glob(characters[...], Array(name)[...])
    }

    package var description: String { text }

    /// Iterative wildcard matching with single-star backtracking: linear in practice, no recursion blow-up.
    private static func glob(_ pattern: ArraySlice<Character>, _ name: ArraySlice<Character>) -> Bool {
        var p = pattern.startIndex, n = name.startIndex
        var star: Int? = nil, resume = name.startIndex
        while n < name.endIndex {
            if p < pattern.endIndex, pattern[p] == "?" || pattern[p] == name[n] {
                p += 1; n += 1
            } else if p < pattern.endIndex, pattern[p] == "*" {
                star = p; resume = n; p += 1
            } else if let s = star {
                p = s + 1; resume += 1; n = resume
            } else {
                return false
            }
        }
        while p < pattern.endIndex, pattern[p] == "*" { p += 1 }
        return p == pattern.endIndex
    }
}
