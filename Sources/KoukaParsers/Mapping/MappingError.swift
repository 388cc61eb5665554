/// A source's column mapping or options cannot work; reported as a configuration error before any work.
public struct MappingError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
