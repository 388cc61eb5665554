/// How the names two catalog patterns match compare: which pattern is more specific, if either.
///
/// A pattern is **more specific** (narrower) than another when every name it matches the other matches
/// too, and the other matches some name it does not: `国保資格*` is narrower than `国保*`, and an exact
/// name is narrower than any wildcard that matches it. Among the catalog rows in force, the narrowest
/// pattern decides a name's task, so the mapping depends on neither row order nor `valid_from`.
package enum NamePatternRelation: Sendable, Hashable {
    /// No name matches both.
    case disjoint
    /// Both match exactly the same names (the same text, or `国保*` and `国保**`): neither is more specific.
    case same
    /// The first pattern is more specific: every name it matches, the second matches too, not the reverse.
    case narrower
    /// The second pattern is more specific.
    case wider
    /// Some names match both, and each matches a name the other does not (`国保*` and `*確認`):
    /// neither is more specific. `example` is the shortest such name both match.
    case crossing(example: String)
    /// The patterns hold so many `?` after a `*` that comparing them was given up: treated as no order.
    case tooIntricate

    /// Whether a name both match has a task that the rule "the more specific pattern wins" decides.
    package var isOrdered: Bool {
        switch self {
        case .disjoint, .narrower, .wider: true
        case .same, .crossing, .tooIntricate: false
        }
    }
}

extension NamePattern {
    /// How the names this pattern matches compare with those `other` matches.
    ///
    /// Globs are compared exactly, not by their text: both are read as automata over the characters they
    /// name plus one standing for every other character (a glob cannot tell those apart), and the pairs
    /// of states reachable by a common input show whether one pattern's names contain the other's.
    package func relation(to other: NamePattern) -> NamePatternRelation {
        switch (isGlob, other.isGlob) {
        case (false, false): return text == other.text ? .same : .disjoint
        // A glob matches more than one name (`*` and `?` take any character), so it is never as narrow as one name.
        case (false, true): return other.matches(text) ? .narrower : .disjoint
        case (true, false): return matches(other.text) ? .wider : .disjoint
        case (true, true):
            // Most pairs differ in the characters before their first wildcard or after their last: no
            // name matches both, and the automata need not be built.
            let x = literalPrefix, y = other.literalPrefix
            if !x.starts(with: y) && !y.starts(with: x) { return .disjoint }
            let u = literalSuffix, v = other.literalSuffix
            if !u.reversed().starts(with: v.reversed()) && !v.reversed().starts(with: u.reversed()) { return .disjoint }
            return GlobComparison(characters, other.characters).relation()
        }
    }
}

/// The product of two glob automata, explored breadth first from the empty name.
private struct GlobComparison {
    /// Beyond this many pairs of states, comparing is given up (a `*` followed by some twenty `?`).
    static let stateLimit = 100_000

    let first: GlobAutomaton, second: GlobAutomaton
    /// The characters either pattern names, in order, then one that neither does.
    let alphabet: [Character]

    init(_ a: [Character], _ b: [Character]) {
        let named = Set(a + b).subtracting(["*", "?"])
        alphabet = named.sorted() + [Self.unnamedCharacter(avoiding: named)]
        // The automata read symbols, the characters' places in the alphabet: comparing Characters is slow.
        var symbol: [Character: Int] = [:]
        for (index, character) in alphabet.enumerated() { symbol[character] = index }
        func encode(_ p: [Character]) -> [Int] {
            p.map { $0 == "*" ? GlobAutomaton.star : $0 == "?" ? GlobAutomaton.any : symbol[$0]! }
        }
        first = GlobAutomaton(encode(a))
        second = GlobAutomaton(encode(b))
    }

    /// A character neither pattern names, readable in an error message.
    private static func unnamedCharacter(avoiding named: Set<Character>) -> Character {
        if let plain = "XYZ0123456789".first(where: { !named.contains($0) }) { return plain }
        var scalar: UInt32 = 0x4E00
        while named.contains(Character(Unicode.Scalar(scalar)!)) { scalar += 1 }
        return Character(Unicode.Scalar(scalar)!)
    }

    private struct Pair: Hashable {
        var a: GlobAutomaton.States, b: GlobAutomaton.States
    }

    func relation() -> NamePatternRelation {
        let start = Pair(a: first.start, b: second.start)
        var seen: Set<Pair> = [start]
        // Each visited pair with the pair and character it was reached from, to spell the example name.
        var visited: [(pair: Pair, parent: Int, character: Character?)] = [(start, -1, nil)]
        var example: String? = nil
        var firstOnly = false, secondOnly = false
        var next = 0
        while next < visited.count {
            let index = next, pair = visited[next].pair
            next += 1
            let aLive = !pair.a.isEmpty, bLive = !pair.b.isEmpty
            // A glob can always finish matching from any live state, so a live side facing a dead one
            // already shows a name only it matches.
            if aLive && !bLive { firstOnly = true; continue }
            if bLive && !aLive { secondOnly = true; continue }
            if !aLive && !bLive { continue }
            switch (first.accepts(pair.a), second.accepts(pair.b)) {
            case (true, true): if example == nil { example = spell(index, visited) }
            case (true, false): firstOnly = true
            case (false, true): secondOnly = true
            case (false, false): break
            }
            if example != nil && firstOnly && secondOnly { break }
            for (symbol, character) in alphabet.enumerated() {
                let following = Pair(a: first.step(pair.a, symbol), b: second.step(pair.b, symbol))
                guard seen.insert(following).inserted else { continue }
                if visited.count >= Self.stateLimit { return .tooIntricate }
                visited.append((following, index, character))
            }
        }
        guard let example else { return .disjoint }
        switch (firstOnly, secondOnly) {
        case (false, false): return .same
        case (false, true): return .narrower
        case (true, false): return .wider
        case (true, true): return .crossing(example: example)
        }
    }

    private func spell(_ index: Int, _ visited: [(pair: Pair, parent: Int, character: Character?)]) -> String {
        var characters: [Character] = []
        var at = index
        while let character = visited[at].character { characters.append(character); at = visited[at].parent }
        return String(characters.reversed())
    }
}

/// A glob as a nondeterministic automaton: state `k` means the first `k` pattern characters are matched.
private struct GlobAutomaton {
    /// A set of states, one bit per pattern position (0 through the pattern's length).
    struct States: Hashable {
        var words: [UInt64]
        var isEmpty: Bool { words.allSatisfy { $0 == 0 } }
        func contains(_ k: Int) -> Bool { words[k >> 6] & (1 << UInt64(k & 63)) != 0 }
        mutating func insert(_ k: Int) { words[k >> 6] |= 1 << UInt64(k & 63) }
    }

    static let star = -1, any = -2

    /// The pattern as symbols: `star`, `any`, or a character's place in the alphabet.
    let pattern: [Int]
    var start: States {
        var states = empty
        states.insert(0)
        close(&states)
        return states
    }

    init(_ pattern: [Int]) { self.pattern = pattern }

    private var empty: States { States(words: [UInt64](repeating: 0, count: pattern.count / 64 + 1)) }

    func accepts(_ states: States) -> Bool { states.contains(pattern.count) }

    func step(_ states: States, _ symbol: Int) -> States {
        var reached = empty
        for k in 0..<pattern.count where states.contains(k) {
            switch pattern[k] {
            case Self.star: reached.insert(k)
            case Self.any, symbol: reached.insert(k + 1)
            default: break
            }
        }
        close(&reached)
        return reached
    }

    /// Adds the states a `*` reaches by matching no characters.
    private func close(_ states: inout States) {
        for k in 0..<pattern.count where states.contains(k) && pattern[k] == Self.star { states.insert(k + 1) }
    }
}
