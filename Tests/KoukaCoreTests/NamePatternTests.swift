import Kouka
import Testing

/// `NamePattern`: a catalog `match` entry, exact or a glob with `*` and `?`, over Japanese names.
struct NamePatternTests {
    @Test func anExactNameMatchesOnlyItself() {
        let pattern = NamePattern("住民票発行_RPA")
        #expect(!pattern.isGlob)
        #expect(pattern.matches("住民票発行_RPA"))
        #expect(!pattern.matches("住民票発行_RPA2"))
        #expect(!pattern.matches("住民票発行"))
        #expect(!pattern.matches(""))
    }

    @Test(arguments: [
        ("住民票*", "住民票発行", true),
        ("住民票*", "住民票", true), // * also matches no characters
        ("住民票*", "戸籍住民票", false),
        ("*発行", "住民票発行", true),
        ("*発行", "発行", true),
        ("*発行", "発行依頼", false),
        ("?票", "民票", true),
        ("?票", "住民票", false), // ? is exactly one character
        ("??票", "住民票", true),
        ("税_??_月次", "税_04_月次", true),
        ("税_??_月次", "税_4_月次", false),
        ("*申請*受付", "転入申請書受付", true),
        ("*申請*受付", "転入受付申請", false),
        ("*申請*受付", "申請受付", true),
        ("介護*申請書_*", "介護保険申請書_読取", true),
        ("介護*申請書_*", "介護保険申請書", false),
        ("*", "", true),
        ("*", "何でも", true),
        ("**", "何でも", true),
        ("?", "", false),
        ("*_RPA", "住民票_RPA_RPA", true), // backtracking past an earlier partial match
    ])
    func globs(pattern: String, name: String, matches: Bool) {
        let glob = NamePattern(pattern)
        #expect(glob.isGlob)
        #expect(glob.matches(name) == matches)
    }

    @Test func comparesCharactersNotScalars() {
        // が written as か + combining dakuten (U+3099) is one Character: `?` takes all of it, and an exact
        // pattern in the precomposed form still equals the decomposed name.
        let decomposed = "か\u{3099}ん検診"
        #expect(NamePattern("?ん検診").matches(decomposed))
        #expect(!NamePattern("??ん検診").matches(decomposed))
        #expect(NamePattern("がん検診").matches(decomposed))
        #expect(NamePattern("が*").matches(decomposed))
    }

    @Test func manyStarsAgainstALongNameFinishQuickly() {
        // A naive recursive matcher takes exponential time here; the answer is no (the name has no 票).
        let name = String(repeating: "住", count: 2_000)
        #expect(!NamePattern("*住*住*住*住*住*票").matches(name))
        #expect(NamePattern("*住*住*住*住*住*").matches(name))
    }

    @Test func descriptionIsTheText() {
        #expect(NamePattern("住民票*").description == "住民票*")
        #expect(NamePattern("住民票*").text == "住民票*")
    }
}
