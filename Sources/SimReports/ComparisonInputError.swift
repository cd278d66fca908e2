// ComparisonInputError: a file given to `compare` or `diff` that is not what it should be.

/// A file given to `compare` or `diff` that is not what it should be; the message names what.
package struct ComparisonInputError: Error, Sendable {
    package var message: String

    package init(_ message: String) { self.message = message }
}
