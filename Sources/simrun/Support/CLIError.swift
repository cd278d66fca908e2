// CLIError: why a subcommand stops — the line simrun prints on standard error and the exit code that
// goes with it. Commands throw it where they know both; Simrun.main prints it and exits, the one
// place an error becomes an exit status.
import LuaBridge

struct CLIError: Error {
    /// What went wrong, printed after `simrun: error: `; nil when the command has said it already.
    var message: String?
    var exitCode: ExitCode
    /// The command line itself is wrong: a pointer to `simrun help` follows the message.
    var pointsToHelp = false

    init(_ message: String?, _ exitCode: ExitCode) {
        self.message = message
        self.exitCode = exitCode
    }

    /// A command line simrun cannot act on: a wrong flag or value, a missing or extra argument.
    static func commandLine(_ message: String) -> CLIError {
        var error = CLIError(message, .usage)
        error.pointsToHelp = true
        return error
    }

    /// A scenario that could not be loaded or run: no such file, a `--param` it does not take, or an
    /// error in it (syntax, validation, a limit).
    init(_ failure: ScenarioFailure) {
        switch failure {
        case .fileNotFound: self.init(failure.message, .fileNotFound)
        case .usage: self.init(failure.message, .usage)
        case .scenario: self.init(failure.message, .scenario)
        }
    }
}
