// ComparisonInputError: a file given to `compare` or `diff` that is not what it should be.

/// A file given to `compare` or `diff` that is not what it should be; the message names what.
public struct ComparisonInputError: Error, Sendable {
    public var message: String

    public init(_ message: String) { self.message = message }
}
