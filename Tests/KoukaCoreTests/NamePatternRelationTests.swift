import Kouka
import Testing

/// `NamePatternRelation`: which of two catalog patterns is more specific, decided by the names they match,
/// not by their text.
struct NamePatternRelationTests {
    @Test(arguments: [
        // A narrower prefix is more specific, and so is any exact name a wildcard matches.
        ("国保資格*", "国保*", NamePatternRelation.narrower),
        ("国保*", "国保資格*", .wider),
        ("国保資格確認", "国保*", .narrower),
        ("国保*", "国保資格確認", .wider),
        ("国保資格確認", "国保資格確認", .same),
        ("国保資格確認", "国保資格照会", .disjoint),
        ("住民票発行", "戸籍*", .disjoint),
        // The same names written two ways: neither is more specific.
        ("国保*", "国保*", .same),
        ("国保*", "国保**", .same),
        ("*?", "?*", .same), // both: one character or more
        // Text is not the test: ??* (two or more characters) is inside *? (one or more), though *? cannot
        // be laid over ??* character by character.
        ("??*", "*?", .narrower),
        ("税_??_月次", "税_*_月次", .narrower),
        ("税_??_月次", "税_?_月次", .disjoint), // lengths differ
        ("*申請*受付", "*受付", .narrower),
        ("住民票*", "戸籍*", .disjoint),
        ("*票", "*籍", .disjoint),
        ("住民票*", "*", .narrower),
    ])
    func relations(first: String, second: String, expected: NamePatternRelation) {
        #expect(NamePattern(first).relation(to: NamePattern(second)) == expected, "\(first) vs \(second)")
    }

    @Test func crossingPatternsNameTheShortestNameBothMatch() {
        // 国保* and *確認: 国保確認 is both's, 国保年金 only the first's, 資格確認 only the second's.
        #expect(NamePattern("国保*").relation(to: NamePattern("*確認")) == .crossing(example: "国保確認"))
        #expect(NamePattern("*確認").relation(to: NamePattern("国保*")) == .crossing(example: "国保確認"))
        #expect(NamePattern("*a*").relation(to: NamePattern("*b*")) == .crossing(example: "ab"))
        // ? needs a character neither pattern names: the example spells it with one.
        #expect(NamePattern("申請?").relation(to: NamePattern("*?受付")) == .disjoint)
        guard case let .crossing(example) = NamePattern("?_*").relation(to: NamePattern("*_?")) else {
            Issue.record("?_* and *_? share X_X and each has names the other lacks")
            return
        }
        #expect(NamePattern("?_*").matches(example) && NamePattern("*_?").matches(example), "\(example)")
    }

    @Test func aStarFollowedByManyQuestionMarksIsGivenUpNotGuessed() {
        // The names ending in a and twenty more characters need 2^20 states to tell apart.
        let intricate = NamePattern("*a" + String(repeating: "?", count: 20))
        #expect(intricate.relation(to: NamePattern("*a*")) == .tooIntricate)
        #expect(!NamePatternRelation.tooIntricate.isOrdered)
    }

    /// For every pair of small patterns over {a, b, *, ?}, the relation agrees with the names up to five
    /// characters over {a, b, c} that each matches: whatever those names show, the relation says.
    @Test func agreesWithEveryShortName() {
        let symbols: [Character] = ["a", "b", "*", "?"]
        var patterns: [String] = []
        func grow(_ prefix: String) {
            if !prefix.isEmpty { patterns.append(prefix) }
            guard prefix.count < 3 else { return }
            for symbol in symbols { grow(prefix + String(symbol)) }
        }
        grow("")
        var names: [String] = [""]
        var frontier = [""]
        for _ in 0..<5 {
            frontier = frontier.flatMap { name in ["a", "b", "c"].map { name + $0 } }
            names += frontier
        }
        for first in patterns {
            let p = NamePattern(first)
            let pNames = Set(names.filter(p.matches))
            for second in patterns {
                let q = NamePattern(second)
                let qNames = Set(names.filter(q.matches))
                let both = !pNames.isDisjoint(with: qNames)
                let onlyFirst = !pNames.isSubset(of: qNames), onlySecond = !qNames.isSubset(of: pNames)
                let relation = p.relation(to: q)
                switch relation {
                case .disjoint: #expect(!both, "\(first) \(second)")
                case .same: #expect(both && !onlyFirst && !onlySecond, "\(first) \(second)")
                case .narrower: #expect(both && !onlyFirst && onlySecond, "\(first) \(second)")
                case .wider: #expect(both && onlyFirst && !onlySecond, "\(first) \(second)")
                case let .crossing(example):
                    #expect(both && onlyFirst && onlySecond, "\(first) \(second)")
                    #expect(p.matches(example) && q.matches(example), "\(first) \(second) \(example)")
                case .tooIntricate: Issue.record("\(first) \(second) are small")
                }
            }
        }
    }
}
