/// A configured source whose path matched no file when the report was written (an unmounted share, a
/// tool with no logs yet): what it held before is still counted from the store, but nothing new of it was
/// found, so its figures may stop short.
package struct MissingSourceLine: Sendable, Hashable, Codable {
    /// The source's pattern, relative to the configuration's folder when inside it.
    package var path: String
    package var reason: String

    package init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}
