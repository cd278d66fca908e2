// CompareCommand: `simrun compare A B` — two run reports, two batches (runs files or summaries), or
// two scenarios run in pairs with common random numbers, as text, JSON or markdown.
import Foundation
import LuaBridge
import SimCore

struct CompareCommand {
    static let help = """
    USAGE: simrun compare BASE VARIANT [options]

    Compares a variant with a base:
      two run reports (simrun run --format json)   outcomes and their change, the alignments that moved
                                                   most, resource and force differences, events in one
                                                   run and not the other
      two batches (runs files or summaries)        per outcome both estimates and the difference with its
                                                   95% interval (Welch; Newcombe for proportions); runs
                                                   files with the same seeds are also compared in pairs
      two scenario files with --runs N             both run N times with the same seeds (common random
                                                   numbers): the paired difference of every outcome

    OPTIONS:
      --format text|md|json    output format (default text)
      --out FILE               write to FILE (atomically) instead of standard output
      --top N                  rows of the alignment, resource and force tables (default 10)
    Paired runs of two scenarios:
      --runs N                 runs of each scenario (required)
      --seed N                 seed the run seeds derive from, as in simrun batch (default 1)
      --jobs N                 worker threads (default: the number of cores)
      --steps N                ticks per run (default: each scenario's steps)
    \(ScenarioPair.help)
      --max-instructions N     Lua instruction budget per run
      --max-memory SIZE        memory cap per run, e.g. 64M
      -h, --help               this help

    EXIT CODES: 0 compared, 64 usage, 65 a file is not a report, runs file or summary, or a scenario does
    not load, 66 file not found, 74 cannot write. See docs/compare.md.
    """

    enum Format: String { case text, md, json }

    var files: [String] = []
    var format = Format.text
    var out: String?
    var top = 10
    var runs: Int?
    var seed: UInt64 = 1
    var jobs = ProcessInfo.processInfo.activeProcessorCount
    var steps: Int?
    var limits = ScenarioLimits()
    /// The two scenarios of a paired comparison.
    var pair: ScenarioPair?

    init(arguments: [String]) throws(UsageError) {
        let valued: Set<String> = ["--format", "--out", "--top", "--runs", "--seed", "--jobs", "--steps",
                                   "--max-instructions", "--max-memory"]
        var scanner = ArgumentScanner(arguments, valued: valued.union(ScenarioPair.flags),
                                      switches: [])
        var params: [(flag: String, value: String)] = []
        /// The last flag given that only running two scenarios uses.
        var scenarioFlag: String?
        while let item = try scanner.next() {
            if case .flag(let name, _) = item, !["--format", "--out", "--top"].contains(name) { scenarioFlag = name }
            switch item {
            case .positional(let path): files.append(path)
            case .flag("--format", let v):
                guard let f = Format(rawValue: v) else { throw UsageError("--format takes text, md or json, got '\(v)'") }
                format = f
            case .flag("--out", let v): out = v
            case .flag("--top", let v): top = try ArgumentScanner.count(v, flag: "--top", minimum: 1)
            case .flag("--runs", let v): runs = try ArgumentScanner.count(v, flag: "--runs", minimum: 2)
            case .flag("--seed", let v): seed = try ArgumentScanner.unsigned(v, flag: "--seed")
            case .flag("--jobs", let v): jobs = try ArgumentScanner.count(v, flag: "--jobs", minimum: 1)
            case .flag("--steps", let v): steps = try ArgumentScanner.steps(v)
            case .flag("--max-instructions", let v):
                limits.maxInstructions = Int64(try ArgumentScanner.count(v, flag: "--max-instructions", minimum: 1))
            case .flag("--max-memory", let v): limits.maxMemory = try ArgumentScanner.bytes(v, flag: "--max-memory")
            case .flag(let name, let v) where ScenarioPair.flags.contains(name): params.append((name, v))
            case .toggle: throw UsageError(help: CompareCommand.help)
            case .flag(let name, _): throw UsageError("unknown flag \(name)")
            }
        }
        guard files.count == 2 else {
            throw UsageError("compare needs two files, base and variant (simrun compare BASE VARIANT), got \(files.count)")
        }
        let scenarios = files.filter { $0.hasSuffix(".lua") }.count
        if scenarios == 1 { throw UsageError("compare takes two scenario files or two output files, not one of each") }
        if scenarios == 2 && runs == nil {
            throw UsageError("comparing two scenarios needs --runs N: both are run N times with the same seeds")
        }
        if scenarios == 0 {
            if let scenarioFlag { throw UsageError("\(scenarioFlag) is for comparing two scenario files") }
        } else {
            pair = try ScenarioPair(files: files, params: params)
        }
    }

    func execute() -> ExitCode {
        let output: String
        if let runs, let pair {
            switch pairedRuns(pair, runs: runs) {
            case .failure(let failure):
                Simrun.printError(failure.message)
                return Simrun.exitCode(for: failure)
            case .success(let text):
                output = text
            }
        } else {
            let sides: [ComparedFile]
            do throws(ComparedFileError) {
                sides = [try ComparedFile.read(files[0], label: CompareCommand.label(files[0], files[1])),
                         try ComparedFile.read(files[1], label: CompareCommand.label(files[1], files[0]))]
            } catch {
                Simrun.printError(error.message)
                return error.exitCode
            }
            switch (sides[0], sides[1]) {
            case (.report(let base), .report(let variant)):
                let comparison = ReportComparison(base: base, variant: variant)
                output = render(comparison.tables(limit: top), json: comparison.json(limit: top),
                                warnings: comparison.warnings,
                                heading: "\(base.label) (\(base.scenario), seed \(base.seed.map(String.init) ?? "?")) vs \(variant.label) (\(variant.scenario), seed \(variant.seed.map(String.init) ?? "?"))")
            case (.batch(let base), .batch(let variant)):
                let comparison = BatchComparison(base: base, variant: variant)
                output = render(comparison.tables(), json: comparison.json(), warnings: comparison.warnings,
                                heading: "\(base.label) (\(base.scenario)) vs \(variant.label) (\(variant.scenario))")
            default:
                Simrun.printError("compare needs two of a kind: two run reports or two batches (runs files or summaries)")
                return .usage
            }
        }
        do {
            try OutputFile.write(output, to: out)
        } catch {
            Simrun.printError(error.message)
            return .cannotWrite
        }
        return .ok
    }

    /// The file name, or the whole path when both files have the same name.
    static func label(_ path: String, _ other: String) -> String {
        let name = (path as NSString).lastPathComponent
        return name == (other as NSString).lastPathComponent ? path : name
    }

    /// The tables in the chosen format, warnings first (also on standard error for text).
    func render(_ tables: [TextTable], json: JSONValue, warnings: [String], heading: String) -> String {
        switch format {
        case .json:
            return json.serialized()
        case .text:
            for warning in warnings { Simrun.printWarning(warning) }
            return ([TerminalText.safe(heading), ""] + warnings.map { "warning: " + TerminalText.safe($0) }
                    + (warnings.isEmpty ? [] : [""])).joined(separator: "\n")
                + tables.map { $0.text() }.joined(separator: "\n")
        case .md:
            return "## " + heading + "\n\n" + warnings.map { "> **warning:** \($0)\n" }.joined()
                + (warnings.isEmpty ? "" : "\n") + tables.map { $0.markdown() }.joined(separator: "\n")
        }
    }
}
