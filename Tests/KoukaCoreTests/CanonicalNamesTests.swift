import Testing
@testable import Kouka

/// `CanonicalNames` numbers names as `String` equality does, though it looks each spelling up by its bytes:
/// a composed and a decomposed spelling of one name share a number, and every other name has its own.
struct CanonicalNamesTests {
    @Test func spellingsOfOneNameShareANumber() {
        var names = CanonicalNames()
        // "ガ" precomposed, then "カ" with a combining voiced mark, then precomposed again: one name.
        let numbers = ["ガ", "カ\u{3099}", "ガ", "税務課", "カ\u{3099}", ""].map { names.number(of: $0) }
        #expect(numbers == [0, 0, 0, 1, 0, 2])
        #expect(names.names == ["ガ", "税務課", ""])
    }

    @Test func namesEqualAsStringsAreOneNumberAndOthersAreNot() {
        let pool = ["", "a", "A", "ｶﾞ", "ガ", "カ\u{3099}", "が", "か\u{3099}", "市民課", "税務課", "住民票発行", "e\u{301}", "é"]
        var names = CanonicalNames()
        let numbers = pool.map { names.number(of: $0) }
        for i in pool.indices {
            for j in pool.indices {
                #expect((numbers[i] == numbers[j]) == (pool[i] == pool[j]), "\(pool[i]) and \(pool[j])")
            }
        }
    }

    @Test func ranksFollowStringOrder() {
        let pool = ["税務課", "b", "カ\u{3099}", "a", "", "ガ", "市民課", "ｶﾞ"]
        var names = CanonicalNames()
        let numbers = pool.map { names.number(of: $0) }
        let ranks = names.ranks()
        #expect(Set(ranks).count == names.names.count)
        for i in pool.indices {
            for j in pool.indices {
                #expect((ranks[numbers[i]] < ranks[numbers[j]]) == (pool[i] < pool[j]), "\(pool[i]) and \(pool[j])")
            }
        }
    }
}
