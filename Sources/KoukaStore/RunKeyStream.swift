/// The run ids a file counted, as ascending distinct 64-bit hashes handed over one at a time, so that a
/// file of millions of runs is stored and compared without holding them all.
public struct RunKeyStream {
    public let forEach: ((UInt64) throws -> Void) throws -> Void

    public init(forEach: @escaping ((UInt64) throws -> Void) throws -> Void) { self.forEach = forEach }
}
