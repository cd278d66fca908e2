// ExitCode: the documented exit codes of simrun (BSD sysexits values).

enum ExitCode: Int32, CaseIterable {
    case ok = 0
    /// `simrun diff`: the two runs differ (as diff(1) and cmp(1) say it).
    case differ = 1
    /// A wrong flag, a missing argument, an unknown or ill-typed `--param`.
    case usage = 64
    /// The scenario failed: syntax, validation, a runtime error, a limit reached; or a run of a batch
    /// failed; or merged files do not make one batch; or an input file's content cannot be used (a
    /// runs file or summary past its limits, a runs file `discover` cannot use).
    case scenario = 65
    /// An input file (a scenario, a runs file, a summary, a report) does not exist or cannot be read.
    case fileNotFound = 66
    /// The output file cannot be written.
    case cannotWrite = 74
    /// A batch stopped by Ctrl-C or SIGTERM: its finished rows are kept, `--resume` completes it.
    case interrupted = 130

    /// What the code means for simrun as a whole, as `simrun help` lists it.
    var meaning: String {
        switch self {
        case .ok: "ok"
        case .differ: "simrun diff: the runs differ"
        case .usage: "usage"
        case .scenario: "scenario error or limit"
        case .fileNotFound: "file not found or unreadable"
        case .cannotWrite: "cannot write output"
        case .interrupted: "a batch interrupted"
        }
    }
}
