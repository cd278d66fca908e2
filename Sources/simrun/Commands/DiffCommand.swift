// DiffCommand: `simrun diff A B` — where two runs first part ways: two run reports, or two scenarios
// run with one seed (then the state at the first differing tick is shown value by value).
import Foundation
import LuaBridge
import SimCore

struct DiffCommand {
    static let help = """
    USAGE: simrun diff A B [options]

    Names the first tick where two runs differ, the parts of the state that differ there (alignments,
    forces, resources, ties: from the per-tick state digests of the reports), the first event that
    differs and the first metric value that does.
      two run reports (simrun run --format json)
      two scenario files (or one file twice with --base-param/--variant-param), run with one seed: the
      values that differ at the first differing tick are listed too

    OPTIONS:
      --format text|json       output format (default text)
      --out FILE               write to FILE (atomically) instead of standard output
      --top N                  differing values listed per part of the state (default 10)
    Two scenario files:
      --seed N                 the seed of both runs (default 1)
      --steps N                ticks to run (default: each scenario's steps)
    \(ScenarioPair.help)
      --max-instructions N     Lua instruction budget per run
      --max-memory SIZE        memory cap per run, e.g. 64M
      -h, --help               this help

    EXIT CODES: 0 the runs are identical, 1 they differ, 64 usage, 65 a file is not a run report or a
    scenario does not load, 66 file not found, 74 cannot write.
    """

    enum Format: String { case text, json }

    var files: [String] = []
    var format = Format.text
    var out: String?
    var top = 10
    var seed: UInt64 = 1
    var steps: Int?
    var limits = ScenarioLimits()
    var pair: ScenarioPair?

    init(arguments: [String]) throws(UsageError) {
        let valued: Set<String> = ["--format", "--out", "--top", "--seed", "--steps", "--max-instructions", "--max-memory"]
        var scanner = ArgumentScanner(arguments, valued: valued.union(ScenarioPair.flags), switches: [])
        var params: [(flag: String, value: String)] = []
        var scenarioFlag: String?
        while let item = try scanner.next() {
            switch item {
            case .positional(let path): files.append(path)
            case .flag("--format", let v):
                guard let f = Format(rawValue: v) else { throw UsageError("--format takes text or json, got '\(v)'") }
                format = f
            case .flag("--out", let v): out = v
            case .flag("--top", let v): top = try ArgumentScanner.count(v, flag: "--top", minimum: 1)
            case .flag("--seed", let v): seed = try ArgumentScanner.unsigned(v, flag: "--seed"); scenarioFlag = "--seed"
            case .flag("--steps", let v): steps = try ArgumentScanner.steps(v); scenarioFlag = "--steps"
            case .flag("--max-instructions", let v):
                limits.maxInstructions = Int64(try ArgumentScanner.count(v, flag: "--max-instructions", minimum: 1))
            case .flag("--max-memory", let v): limits.maxMemory = try ArgumentScanner.bytes(v, flag: "--max-memory")
            case .flag(let name, let v) where ScenarioPair.flags.contains(name):
                params.append((name, v))
                scenarioFlag = name
            case .toggle: throw UsageError(help: DiffCommand.help)
            case .flag(let name, _): throw UsageError("unknown flag \(name)")
            }
        }
        guard files.count == 2 else { throw UsageError("diff needs two files (simrun diff A B), got \(files.count)") }
        switch files.filter({ $0.hasSuffix(".lua") }).count {
        case 2: pair = try ScenarioPair(files: files, params: params)
        case 0: if let scenarioFlag { throw UsageError("\(scenarioFlag) is for diffing two scenario files") }
        default: throw UsageError("diff takes two run reports or two scenario files, not one of each")
        }
    }

    func execute() -> ExitCode {
        let documents: [ReportDocument]
        var stateAtDivergence: ReportComparison?
        if let pair {
            switch run(pair, steps: steps) {
            case .failure(let failure):
                Simrun.printError(failure.message)
                return Simrun.exitCode(for: failure)
            case .success(let reports):
                documents = reports
            }
            // Both runs again up to the first tick whose state differs: the values there.
            if let tick = RunDivergence(base: documents[0], variant: documents[1]).stateTick?.tick,
               case .success(let atTick) = run(pair, steps: tick) {
                stateAtDivergence = ReportComparison(base: atTick[0], variant: atTick[1])
            }
        } else {
            var read: [ReportDocument] = []
            for (path, other) in [(files[0], files[1]), (files[1], files[0])] {
                do throws(ComparedFileError) {
                    guard case .report(let document) = try ComparedFile.read(path, label: CompareCommand.label(path, other)) else {
                        throw .invalid("\(path): not a run report (diff compares two runs; compare takes batches)")
                    }
                    read.append(document)
                } catch {
                    Simrun.printError(error.message)
                    return error.exitCode
                }
            }
            documents = read
        }
        let divergence = RunDivergence(base: documents[0], variant: documents[1])
        let text: String
        switch format {
        case .json:
            var fields: [(String, JSONValue)] = [("base", .string(documents[0].label)), ("variant", .string(documents[1].label))]
            if case .object(let rest) = divergence.json { fields += rest }
            if let stateAtDivergence {
                fields.append(("state_at_divergence", .object(stateAtDivergence.stateJSON(limit: top))))
            }
            text = JSONValue.object(fields).serialized()
        case .text:
            var lines = ["\(documents[0].label) vs \(documents[1].label)"]
            lines += divergence.lines(base: documents[0], variant: documents[1])
            var body = lines.map(TerminalText.safe).joined(separator: "\n") + "\n"
            if let stateAtDivergence, let tick = divergence.stateTick?.tick {
                let tables = stateAtDivergence.stateTables(limit: top).filter { !$0.rows.isEmpty }
                body += "\nTHE STATE AFTER TICK \(tick)\n" + tables.map { $0.text() }.joined(separator: "\n")
            }
            text = body
        }
        do {
            try OutputFile.write(text, to: out)
        } catch {
            Simrun.printError(error.message)
            return .cannotWrite
        }
        return divergence.identical ? .ok : .differ
    }

    /// Both scenarios with the seed, `steps` ticks each, as parsed reports.
    private func run(_ pair: ScenarioPair, steps: Int?) -> Result<[ReportDocument], ScenarioFailure> {
        var documents: [ReportDocument] = []
        for side in 0..<2 {
            switch ScenarioRunner.run(pair.request(side, seed: seed, steps: steps, limits: limits), simrunVersion: Simrun.version) {
            case .failure(let failure):
                return .failure(failure)
            case .success(let report):
                if case .failed(let failure) = report.status { Simrun.printWarning("\(pair.label(side)): \(failure.message)") }
                // Through the JSON report, so a diff of scenarios and a diff of their reports agree.
                guard let document = try? ReportDocument(label: pair.label(side), text: report.json()) else {
                    return .failure(.scenario(RunFailure(.error, "\(pair.label(side)): its report could not be read back")))
                }
                documents.append(document)
            }
        }
        return .success(documents)
    }
}
