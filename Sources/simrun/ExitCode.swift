// ExitCode: the documented exit codes of simrun (BSD sysexits values).

enum ExitCode: Int32 {
    case ok = 0
    /// A wrong flag, a missing argument, an unknown or ill-typed `--param`.
    case usage = 64
    /// The scenario failed: syntax, validation, a runtime error, a limit reached.
    case scenario = 65
    /// The scenario file does not exist.
    case fileNotFound = 66
    /// The output file cannot be written.
    case cannotWrite = 74
}
