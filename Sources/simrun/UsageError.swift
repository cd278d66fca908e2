// UsageError: a command line simrun cannot act on; reported in one line with exit code 64.

/// A wrong flag or argument, with the message to print.
struct UsageError: Error {
    var message: String

    init(_ message: String) { self.message = message }
}
