// UsageError: a command line simrun cannot act on (exit code 64), or a request for help (exit 0).

/// A wrong flag or argument with the message to print, or `--help` with the text to show.
struct UsageError: Error {
    var message: String
    /// Set when the user asked for help: print it and succeed.
    var helpText: String?

    init(_ message: String) { self.message = message }

    init(help: String) {
        message = ""
        helpText = help
    }
}
