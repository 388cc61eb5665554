/// A source's column mapping or options cannot work; reported as a configuration error before any work.
package struct MappingError: Error, Sendable, Equatable, CustomStringConvertible {
    package var message: String

    package init(_ message: String) { self.message = message }

    package var description: String { message }
}
