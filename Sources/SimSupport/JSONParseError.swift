// JSONParseError: why a JSON text could not be read, and where.

/// Why a JSON text could not be read, and where.
package struct JSONParseError: Error, Sendable, CustomStringConvertible {
    package var message: String
    /// Byte offset into the UTF-8 text where the problem was found; 0 for a well-formed document
    /// whose content is wrong (a missing or ill-typed field).
    package var offset: Int

    package init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    package var description: String { "\(message) (at byte \(offset))" }
}
