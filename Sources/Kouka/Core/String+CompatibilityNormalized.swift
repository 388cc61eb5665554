import Foundation

extension String {
    /// The text in Unicode's compatibility composition (NFKC), so that full-width `ＩＤ` reads as `ID`: Foundation's
    /// `precomposedStringWithCompatibilityMapping`, skipped for ASCII, which NFKC leaves as it is. Through Foundation the
    /// mapping costs some 14,000 instructions a call, paid on every header name and catalog spelling at every start.
    package var compatibilityNormalized: String {
        utf8.allSatisfy { $0 < 0x80 } ? self : precomposedStringWithCompatibilityMapping
    }
}
