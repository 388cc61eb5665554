import Foundation
@testable import Kouka
import Testing

/// `FlatJSONObject`: the top-level members of a one-line JSON object, read from its bytes.
struct FlatJSONObjectTests {
    static func members(_ text: String) -> [String: String]? {
        var result: [String: String] = [:]
        let complete = Array(text.utf8).withUnsafeBytes { bytes in
            FlatJSONObject.members(bytes) { key, value in
                result[String(decoding: key, as: UTF8.self)] = value.text ?? "<invalid>"
            }
        }
        return complete ? result : nil
    }

    @Test func stringsNumbersNestedValuesAndEscapes() {
        let members = Self.members(#"{"message":"say \"hi\" \u00e9","n":25,"neg":-1.5e3,"nested":{"a":[1,{"b":"}"}]},"list":[],"t":true,"z":null}"#)
        #expect(members?["message"] == "say \"hi\" é")
        #expect(members?["n"] == "25")
        #expect(members?["neg"] == "-1.5e3")
        #expect(members?["nested"] == #"{"a":[1,{"b":"}"}]}"#)
        #expect(members?["list"] == "[]")
        #expect(members?["t"] == "true")
        #expect(members?["z"] == "null")
    }

    /// A whole number read from its bytes is the number `DecimalText` reads from its text; anything else goes there.
    @Test(arguments: ["0", "480", "007", "999999999999999", "9999999999999999", "12.5", "-3", "1e3", "", "4x", "true"])
    func numbersFromBytesAreTheTextsNumbers(text: String) {
        let got = Array(text.utf8).withUnsafeBytes { FlatJSONObject.Value.other($0).number }
        #expect(got == DecimalText.number(text), "\(text)")
    }

    @Test func japaneseTextAndSpacesAroundTokens() {
        let members = Self.members(#" { "processName" : "住民票発行_RPA" , "jobId":"j-1" } "#)
        #expect(members == ["processName": "住民票発行_RPA", "jobId": "j-1"])
        #expect(Self.members("{}") == [:])
    }

    @Test(arguments: [
        #"{"a":"cut off"#, #"{"a":1"#, #"{"a":1,}"#, #"["a"]"#, #""a""#, #"{"a" 1}"#, #"{"a":1} trailing"#, "", #"{"a":{"b":[1,2}"#,
    ])
    func anythingButOneCompleteObjectIsRefused(text: String) {
        #expect(Self.members(text) == nil)
    }
}
