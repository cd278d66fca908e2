// CheckCommand: `simrun check FILE` — loads and validates a scenario without running it, and
// lists its params, agents, regions and hooks.
import LuaBridge
import SimCore

struct CheckCommand {
    static let help = """
    USAGE: simrun check FILE [--param NAME=VALUE ...]

    Loads the scenario and runs its setup without stepping it: syntax, declarations, ids and
    params are checked, and its params, agents, regions, hooks, metrics and outcomes are listed.

    OPTIONS:
      --param NAME=VALUE       check with a param set (repeatable)
      -h, --help               this help

    EXIT CODES: 0 valid, 64 usage, 65 scenario error, 66 file not found.
    """

    var request: RunRequest

    init(arguments: [String]) throws(UsageError) {
        var scanner = ArgumentScanner(arguments, valued: ["--param"], switches: [])
        var file: String?
        var params: [(String, String)] = []
        while let item = try scanner.next() {
            switch item {
            case .positional(let path):
                guard file == nil else { throw UsageError("unexpected argument '\(path)': check takes one scenario file") }
                file = path
            case .flag("--param", let v): params.append(try ArgumentScanner.param(v))
            case .toggle: throw UsageError(help: CheckCommand.help)
            case .flag(let name, _): throw UsageError("unknown flag \(name)")
            }
        }
        guard let file else { throw UsageError("check needs a scenario file (simrun check FILE)") }
        request = RunRequest(file: file, params: params)
    }

    func execute() -> ExitCode {
        switch ScenarioRunner.check(request) {
        case .failure(let failure):
            Simrun.printError(failure.message)
            return Simrun.exitCode(for: failure)
        case .success(let summary):
            print(summary.text(), terminator: "")
            print("ok: \(request.file) is valid")
            return .ok
        }
    }
}
