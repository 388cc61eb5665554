/// Kouka's version, stated at the top of every report.
package enum KoukaVersion {
    package static let current = "0.5.6"
}
