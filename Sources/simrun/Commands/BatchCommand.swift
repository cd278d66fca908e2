// BatchCommand: `simrun batch FILE` — Monte Carlo runs of one scenario over a design, on worker
// threads or shards, written as they complete, resumable, with a statistical summary.
import Foundation
import LuaBridge
import SimCore

struct BatchCommand {
    static let help = """
    USAGE: simrun batch FILE --runs N [options]

    Runs the scenario N times at every point of a design and writes one row per run.

    OPTIONS:
      --runs N                 runs per design point (required)
      --seed N                 batch seed (default 1); run seeds derive from it and the replicate
      --jobs N                 worker threads (default: the number of cores)
      --param NAME=VALUE       fix a param for every run (repeatable)
      --sweep NAME=V1,V2,...   vary a param over values (repeatable: full factorial)
      --sweep NAME=START:STOP:STEP
      --sample lhs:K           K design points by Latin hypercube over the params' declared min/max
      --steps N                ticks per run (default: the scenario's steps)
      --shard K/N              run only shard K of N (run indices i with i mod N = K-1)
      --out FILE               the runs file (default: standard output when it is not a terminal)
      --format jsonl|csv       runs file format (default jsonl)
      --metrics                add each metric's final value to every row
      --trace                  add each metric's whole series to every row
      --summary FILE           write the statistical summary as JSON
      --resume                 keep the rows already in --out and run only what is missing
      --fail-fast              stop at the first failed run
      --max-instructions N     Lua instruction budget per run (default \(ScenarioLimits.defaultMaxInstructions))
      --max-memory SIZE        memory cap per run, e.g. 64M (default \(ScenarioLimits.defaultMaxMemory >> 20)M)
      --quiet                  no progress line and no table on standard error
      -h, --help               this help

    EXIT CODES: 0 every run ok, 65 a run failed (count on standard error) or the scenario does not load,
    64 usage, 66 file not found, 74 cannot write, 130 interrupted (finished rows are kept; rerun with --resume).
    See docs/batch.md for the design, seeds, formats and the summary.
    """

    var file: String
    var runs: Int
    var seed: UInt64 = 1
    var jobs = ProcessInfo.processInfo.activeProcessorCount
    var params: [(String, String)] = []
    var sweeps: [String] = []
    var sample: Int?
    var steps: Int?
    var shard: Shard?
    var out: String?
    var format = RunsFormat.jsonl
    var keepMetrics = false
    var keepTrace = false
    var summaryPath: String?
    var resume = false
    var failFast = false
    var limits = ScenarioLimits()
    var quiet = false
    /// The command line, for the resume hint.
    var arguments: [String]

    init(arguments: [String]) throws(UsageError) {
        self.arguments = arguments
        var scanner = ArgumentScanner(arguments, valued: ["--runs", "--seed", "--jobs", "--param", "--sweep", "--sample",
                                                          "--steps", "--shard", "--out", "--format", "--summary",
                                                          "--max-instructions", "--max-memory"],
                                      switches: ["--metrics", "--trace", "--resume", "--fail-fast", "--quiet"])
        var file: String?
        var runs: Int?
        while let item = try scanner.next() {
            switch item {
            case .positional(let path):
                guard file == nil else { throw UsageError("unexpected argument '\(path)': batch takes one scenario file") }
                file = path
            case .flag("--runs", let v): runs = try ArgumentScanner.count(v, flag: "--runs", minimum: 1)
            case .flag("--seed", let v): seed = try ArgumentScanner.unsigned(v, flag: "--seed")
            case .flag("--jobs", let v): jobs = try ArgumentScanner.count(v, flag: "--jobs", minimum: 1)
            case .flag("--param", let v): params.append(try ArgumentScanner.param(v))
            case .flag("--sweep", let v): sweeps.append(v)
            case .flag("--sample", let v):
                guard v.hasPrefix("lhs:"), let k = Int(v.dropFirst(4)), k >= 1 else {
                    throw UsageError("--sample takes lhs:K with K a whole number 1 or more, got '\(v)'")
                }
                sample = k
            case .flag("--steps", let v): steps = try ArgumentScanner.steps(v)
            case .flag("--shard", let v):
                do throws(DesignError) { shard = try Shard.parse(v) } catch { throw UsageError(error.message) }
            case .flag("--out", let v): out = v
            case .flag("--format", let v):
                guard let f = RunsFormat(rawValue: v) else { throw UsageError("--format takes jsonl or csv, got '\(v)'") }
                format = f
            case .flag("--summary", let v): summaryPath = v
            case .flag("--max-instructions", let v):
                limits.maxInstructions = Int64(try ArgumentScanner.count(v, flag: "--max-instructions", minimum: 1))
            case .flag("--max-memory", let v): limits.maxMemory = try ArgumentScanner.bytes(v, flag: "--max-memory")
            case .toggle("--metrics"): keepMetrics = true
            case .toggle("--trace"): keepTrace = true
            case .toggle("--resume"): resume = true
            case .toggle("--fail-fast"): failFast = true
            case .toggle("--quiet"): quiet = true
            case .toggle: throw UsageError(help: BatchCommand.help)
            case .flag(let name, _): throw UsageError("unknown flag \(name)")
            }
        }
        guard let file else { throw UsageError("batch needs a scenario file (simrun batch FILE --runs N)") }
        guard let runs else { throw UsageError("batch needs --runs N") }
        if sample != nil && !sweeps.isEmpty { throw UsageError("--sample and --sweep cannot be combined") }
        if resume && out == nil { throw UsageError("--resume needs --out FILE: the runs file to complete") }
        if resume && format == .csv && summaryPath != nil {
            throw UsageError("--summary with --resume needs --format jsonl: CSV rows cannot be read back exactly")
        }
        self.file = file
        self.runs = runs
    }

    func execute() -> ExitCode {
        let scenario: ScenarioSummary
        switch ScenarioRunner.check(RunRequest(file: file, steps: steps, params: params, limits: limits)) {
        case .failure(let failure):
            Simrun.printError(failure.message)
            return Simrun.exitCode(for: failure)
        case .success(let summary):
            scenario = summary
        }
        let design: BatchDesign
        do throws(UsageError) {
            design = try makeDesign(scenario)
        } catch {
            Simrun.printError(error.message)
            return .usage
        }
        let header = RunsHeader(version: Simrun.version, scenario: scenario.info, design: design,
                                params: scenario.params.map(\.name), outcomes: scenario.outcomes,
                                metrics: keepMetrics ? scenario.metrics : [], shard: shard)
        let all = (0..<design.totalRuns).filter { shard?.contains(run: $0) ?? true }

        // Rows go to --out, or to standard output when that is not a terminal: a terminal gets the
        // summary table instead, as does standard error when it is one.
        let rowsToStandardOutput = out == nil && isatty(STDOUT_FILENO) != 1
        let tableWanted = isatty(STDOUT_FILENO) == 1 || (!quiet && isatty(STDERR_FILENO) == 1)
        var summary = summaryPath != nil || tableWanted
            ? BatchSummary(outcomeNames: scenario.outcomes, points: design.points) : nil
        let output: FileHandle
        var done = 0
        var keptFailures = 0
        do throws(OutputFile.WriteError) {
            if let existing = try resume ? resumable(header: header, runs: all) : nil {
                done = existing.rows.count
                keptFailures = existing.failed
                for record in existing.records { summary?.add(record) }
                output = try OutputFile.append(to: out!, keeping: existing.validLength)
            } else {
                output = try OutputFile.stream(to: out ?? (rowsToStandardOutput ? nil : "/dev/null"))
                try OutputFile.write(header.text(format), to: output, path: out)
            }
        } catch {
            Simrun.printError(error.message)
            return error.isUsage ? .usage : .cannotWrite
        }

        let plan = BatchPlan(file: file, design: design, limits: limits, runs: Array(all.dropFirst(done)),
                             jobs: jobs, keepMetrics: keepMetrics, keepTrace: keepTrace)
        let stop = BatchStop()
        let interrupts = InterruptWatch(stop: stop)
        let sink = RunSink(header: header, format: format, output: output, path: out, summary: summary,
                           failFast: failFast, stop: stop)
        var progress = BatchProgress(total: all.count, alreadyDone: done,
                                     enabled: !quiet && isatty(STDERR_FILENO) == 1)
        let emitted = BatchRunner.run(plan, stop: stop, tick: { progress.show(done: done + sink.count) }) { record in
            sink.write(record)
        }
        progress.finish()
        if let message = sink.writeError {
            Simrun.printError(message)
            return .cannotWrite
        }
        if interrupts.interrupted {
            Simrun.printError("interrupted after \(done + emitted) of \(all.count) runs; the finished rows are in "
                + "\(out ?? "standard output"). Resume with: simrun batch \(resumeArguments())")
            return .interrupted
        }
        summary = sink.summary
        if let summary {
            if let summaryPath {
                do throws(OutputFile.WriteError) {
                    try OutputFile.write(summary.json(header: header.unsharded.fields), to: summaryPath)
                } catch {
                    Simrun.printError(error.message)
                    return .cannotWrite
                }
            }
            showTable(summary)
        }
        let failed = keptFailures + sink.failed
        if failed > 0 {
            let stopped = failFast && done + emitted < all.count ? " (stopped early by --fail-fast)" : ""
            Simrun.printError("\(failed) of \(done + emitted) runs failed\(stopped)")
            return .scenario
        }
        return .ok
    }

    /// The design from the flags, its params typed and checked against the scenario's declarations.
    private func makeDesign(_ scenario: ScenarioSummary) throws(UsageError) -> BatchDesign {
        let declared = Dictionary(scenario.params.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let known = scenario.params.map(\.name).joined(separator: ", ")
        let fixed = params.map { name, _ in (name, declared[name]!.value) }
        var parsed: [Sweep] = []
        for text in sweeps {
            do throws(DesignError) {
                let name = try Sweep.name(of: text)
                guard let param = declared[name] else {
                    throw DesignError(message: "--sweep \(name): the scenario has no such param (known: \(known))")
                }
                guard !params.contains(where: { $0.0 == name }), !parsed.contains(where: { $0.name == name }) else {
                    throw DesignError(message: "--sweep \(name): the param is already fixed or swept")
                }
                let sweep = try Sweep.parse(text, defaultValue: param.defaultValue)
                for value in sweep.values {
                    if let outside = param.outsideRange(value) {
                        throw DesignError(message: "--sweep \(name): \(value) is \(outside)")
                    }
                }
                parsed.append(sweep)
            } catch {
                throw UsageError(error.message)
            }
        }
        if let sample {
            let ranges = scenario.params.compactMap { param -> ParamRange? in
                guard !params.contains(where: { $0.0 == param.name }), let min = param.min, let max = param.max,
                      param.isNumeric else { return nil }
                if case .integer = param.defaultValue { return ParamRange(name: param.name, min: min, max: max, isInteger: true) }
                return ParamRange(name: param.name, min: min, max: max, isInteger: false)
            }
            guard !ranges.isEmpty else {
                throw UsageError("--sample lhs:\(sample): no numeric param with a declared min and max is left to sample")
            }
            return BatchDesign(runsPerPoint: runs, seed: seed, steps: steps, fixed: fixed,
                               latinHypercube: sample, ranges: ranges)
        }
        return BatchDesign(runsPerPoint: runs, seed: seed, steps: steps, fixed: fixed, sweeps: parsed)
    }

    /// The existing runs file, checked to belong to this batch and to hold a prefix of its runs; nil
    /// when there is nothing to keep (no file yet, or killed before its header was written).
    private func resumable(header: RunsHeader, runs: [Int]) throws(OutputFile.WriteError) -> RunsFileContents? {
        let path = out!
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let existing: RunsFileContents
        do throws(RunsFileContents.ReadError) {
            existing = try RunsFileContents.read(path: path)
        } catch {
            if error.beforeHeader { return nil }
            throw OutputFile.WriteError(message: "--resume: \(error.message)", isUsage: true)
        }
        guard existing.header.json.compact() == header.json.compact() else {
            throw OutputFile.WriteError(message: "--resume: \(path) belongs to another batch (scenario, seed, design, "
                + "columns or shard differ)", isUsage: true)
        }
        guard existing.rows.map(\.run) == Array(runs.prefix(existing.rows.count)) else {
            throw OutputFile.WriteError(message: "--resume: the rows of \(path) are not this batch's runs in order", isUsage: true)
        }
        return existing
    }

    /// The command line again with `--resume`, quoted for a POSIX shell.
    private func resumeArguments() -> String {
        let plain = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_@%+=:,./-")
        return ([file] + arguments.filter { $0 != file && $0 != "--resume" } + ["--resume"]).map { argument in
            !argument.isEmpty && argument.allSatisfy(plain.contains) ? argument
                : "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }.joined(separator: " ")
    }

    /// The summary table, where a person can see it: standard output when the rows went to a file,
    /// else standard error.
    private func showTable(_ summary: BatchSummary) {
        let table = TerminalText.safe(summary.table())
        if isatty(STDOUT_FILENO) == 1 {
            print(table, terminator: table.hasSuffix("\n") ? "" : "\n")
        } else if !quiet, isatty(STDERR_FILENO) == 1 {
            FileHandle.standardError.write(Data(table.utf8))
        }
    }
}

/// Writes records in order as they arrive, keeps the counts and the summary. `write` is called by
/// one worker at a time (BatchRunner never overlaps its calls).
private final class RunSink: @unchecked Sendable {
    private let header: RunsHeader
    private let format: RunsFormat
    private let output: FileHandle
    private let path: String?
    private let failFast: Bool
    private let stop: BatchStop
    private let lock = NSLock()
    private(set) var summary: BatchSummary?
    private var written = 0
    private(set) var failed = 0
    private(set) var writeError: String?

    init(header: RunsHeader, format: RunsFormat, output: FileHandle, path: String?, summary: BatchSummary?,
         failFast: Bool, stop: BatchStop) {
        self.header = header
        self.format = format
        self.output = output
        self.path = path
        self.summary = summary
        self.failFast = failFast
        self.stop = stop
    }

    var count: Int { lock.withLock { written } }

    func write(_ record: RunRecord) {
        do throws(OutputFile.WriteError) {
            try OutputFile.write(header.row(record, format), to: output, path: path)
        } catch {
            lock.withLock { writeError = error.message }
            stop.request()
            return
        }
        lock.withLock {
            written += 1
            summary?.add(record)
            if record.status != .ok {
                failed += 1
                if failFast { stop.request() }
            }
        }
    }
}
