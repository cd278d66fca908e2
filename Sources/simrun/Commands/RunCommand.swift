// RunCommand: `simrun run FILE` — one scenario, one seed, one report.
import Foundation
import LuaBridge
import SimCore

struct RunCommand {
    static let help = """
    USAGE: simrun run FILE [options]

    Runs one scenario and writes its report.

    OPTIONS:
      --seed N                 seed of the run's random stream (default 1)
      --steps N                ticks to run (default: the scenario's steps)
      --param NAME=VALUE       set a scenario param, typed like its default (repeatable)
      --format text|json|html  report format (default: text to a terminal, json otherwise); html is one
                               self-contained page with charts
      --out FILE               write the report to FILE (atomically) instead of standard output
      --max-instructions N     Lua instruction budget of the run (default \(ScenarioLimits.defaultMaxInstructions))
      --max-memory SIZE        memory cap of the Lua state, e.g. 64M (default \(ScenarioLimits.defaultMaxMemory >> 20)M)
      --quiet                  no warnings on standard error
      -h, --help               this help

    EXIT CODES: 0 ok, 64 usage, 65 scenario error or limit, 66 file not found, 74 cannot write output.
    A run that fails part-way still writes its report, with the status and everything computed until then.
    """

    enum Format: String { case text, json, html }

    var request: RunRequest
    var format: Format?
    var out: String?
    var quiet = false

    init(arguments: [String]) throws(UsageError) {
        var scanner = ArgumentScanner(arguments, valued: ["--seed", "--steps", "--param", "--format", "--out",
                                                          "--max-instructions", "--max-memory"],
                                      switches: ["--quiet"])
        var file: String?
        var seed: UInt64 = 1
        var steps: Int?
        var params: [(String, String)] = []
        var limits = ScenarioLimits()
        while let item = try scanner.next() {
            switch item {
            case .positional(let path):
                guard file == nil else { throw UsageError("unexpected argument '\(path)': run takes one scenario file") }
                file = path
            case .flag("--seed", let v): seed = try ArgumentScanner.unsigned(v, flag: "--seed")
            case .flag("--steps", let v): steps = try ArgumentScanner.steps(v)
            case .flag("--param", let v): params.append(try ArgumentScanner.param(v))
            case .flag("--format", let v):
                guard let f = Format(rawValue: v) else { throw UsageError("--format takes text, json or html, got '\(v)'") }
                format = f
            case .flag("--out", let v): out = v
            case .flag("--max-instructions", let v):
                limits.maxInstructions = Int64(try ArgumentScanner.count(v, flag: "--max-instructions", minimum: 1))
            case .flag("--max-memory", let v): limits.maxMemory = try ArgumentScanner.bytes(v, flag: "--max-memory")
            case .toggle("--quiet"): quiet = true
            case .toggle: throw UsageError(help: RunCommand.help)
            case .flag(let name, _): throw UsageError("unknown flag \(name)")
            }
        }
        guard let file else { throw UsageError("run needs a scenario file (simrun run FILE)") }
        request = RunRequest(file: file, seed: seed, steps: steps, params: params, limits: limits)
    }

    func execute() -> ExitCode {
        let report: RunReport
        switch ScenarioRunner.run(request, simrunVersion: Simrun.version) {
        case .failure(let failure):
            Simrun.printError(failure.message)
            return Simrun.exitCode(for: failure)
        case .success(let r):
            report = r
        }
        if !quiet {
            for warning in report.world.warnings { Simrun.printWarning(warning) }
        }
        let chosen = format ?? (out == nil && isatty(STDOUT_FILENO) == 1 ? .text : .json)
        let text: String
        switch chosen {
        case .text: text = report.text(charset: TextCharset(environment: ProcessInfo.processInfo.environment))
        case .json: text = report.json()
        case .html: text = report.html()
        }
        if case .failed(let failure) = report.status { Simrun.printError(failure.message) }
        do {
            try OutputFile.write(text, to: out)
        } catch {
            Simrun.printError(error.message)
            return .cannotWrite
        }
        if case .failed = report.status {
            if let out { Simrun.printError("the report up to the failure is in \(out)") }
            return .scenario
        }
        return .ok
    }
}
