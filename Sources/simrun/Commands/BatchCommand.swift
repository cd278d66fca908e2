// BatchCommand: `simrun batch FILE` — Monte Carlo runs of one scenario over a design, on worker
// threads or shards, written as they complete, resumable, with a statistical summary.
import Foundation
import LuaBridge
import SimBatch

struct BatchCommand: Command {
    var file = ""
    /// Runs per design point; 0 until `--runs` is read (it takes 1 or more).
    var runs = 0
    var scenario = ScenarioOptions()
    var jobs = ProcessInfo.processInfo.activeProcessorCount
    var sweeps: [String] = []
    /// K of `--sample lhs:K`.
    var sample: Int?
    /// `--vary NAME`: the params the sample varies, in command-line order (none: every one it can).
    var varied: [String] = []
    /// `--seeds`: as given; nil means common random numbers, or independent seeds with `--accept`.
    var seeding: BatchDesign.Seeding?
    /// `--accept observed` or `--accept FACT`, as given.
    var accept: [String] = []
    var shard: Shard?
    /// `--precision W` or `NAME=W`, as given (parsed by `validate`).
    var precisionTexts: [String] = []
    var round: Int?
    var precision: Precision?
    var output = OutputOptions<RunsFormat>()
    var keepMetrics = false
    var keepTrace = false
    var summaryPath: String?
    /// `--table`: the summary table even when no terminal is looking.
    var table = false
    var resume = false
    var failFast = false
    var limits = ScenarioLimits()
    var quiet = false
    /// The command line, for the resume hint.
    var arguments: [String] = []

    static let name = "batch"

    static var declaration: CommandDeclaration<BatchCommand> {
        let sample = FlagValue<Int>(name: "lhs:K") { text, flag throws(CLIError) in
            guard text.hasPrefix("lhs:"), let k = Int(text.dropFirst(4)), (1...BatchDesign.maxPoints).contains(k) else {
                throw .commandLine(
                    "\(flag) takes lhs:K with K a whole number from 1 to \(BatchDesign.maxPoints), got '\(text)'")
            }
            return k
        }
        let shard = FlagValue<Shard>(name: "K/N") { text, _ throws(CLIError) in
            do throws(DesignError) {
                return try Shard.parse(text)
            } catch {
                throw .commandLine(error.message)
            }
        }
        let design: [Option<BatchCommand>] = [
            .value(
                "--runs", .count(minimum: 1, maximum: BatchDesign.maxRuns), help: "runs per design point (required)",
                \.runs
            ).required(),
            ScenarioOptions.seedFlag.described("batch seed (default 1); run seeds derive from it and the replicate")
                .scoped(to: \.scenario),
            ScenarioOptions.stepsFlag.scoped(to: \.scenario),
            ScenarioOptions.paramFlag.described("fix a param, or a rate dynamics.NAME, for every run (repeatable)")
                .scoped(to: \.scenario),
            ScenarioOptions.libFlag.scoped(to: \.scenario),
            .values(
                "--sweep", .text("NAME=V1,V2,..."),
                help: """
                    vary a param (or a rate dynamics.NAME) over values, or over a range:
                    NAME=START:STOP:STEP (repeatable: full factorial)
                    """, appendingTo: \.sweeps),
            .value(
                "--sample", sample, help: "K design points by Latin hypercube over the params' declared min/max",
                \.sample),
            .values(
                "--vary", .text("NAME"),
                help: """
                    with --sample: sample this param only, or a rate dynamics.NAME over its
                    documented range (repeatable)
                    """, appendingTo: \.varied),
            .value(
                "--seeds", .choice(BatchDesign.Seeding.allCases),
                help: """
                    common: replicate r has one seed at every point (the default); independent: every run
                    a seed of its own (the default with --accept)
                    """, \.seeding),
            .values(
                "--accept", .text("observed|FACT"),
                help: """
                    calibrate to the record: the estimates are over the runs that reproduce every fact
                    the scenario declares with sim.observed (observed) or the facts named (repeatable),
                    and the summary gives each sampled param's posterior
                    """, appendingTo: \.accept),
        ]
        let running: [Option<BatchCommand>] = [
            .jobs(\.jobs),
            .value("--shard", shard, help: "run only shard K of N (run indices i with i mod N = K-1)", \.shard),
            .values(
                "--precision", .text("[NAME=]W"),
                help: """
                    run in rounds until the 95% interval's half-width of outcome NAME (without NAME: of
                    every outcome) is at most W at every point; --runs is then the cap (repeatable)
                    """, appendingTo: \.precisionTexts),
            .value(
                "--round", .count(minimum: 1, maximum: BatchDesign.maxRuns),
                help: "with --precision: runs per point in a round (default \(Precision.defaultRound))", \.round),
        ]
        let output: [Option<BatchCommand>] =
            [
                OutputOptions<RunsFormat>.outFlag(
                    help: "the runs file (default: standard output when it is not a terminal)"),
                OutputOptions<RunsFormat>.formatFlag([.jsonl, .csv], help: "runs file format (default jsonl)"),
            ].map { $0.scoped(to: \.output) } + [
                .toggle("--metrics", help: "add each metric's final value to every row", \.keepMetrics),
                .toggle("--trace", help: "add each metric's whole series to every row", \.keepTrace),
                .summary(\.summaryPath),
                .toggle(
                    "--table",
                    help: "print the summary table even off a terminal: to standard output when rows go to --out, "
                        + "else to standard error", \.table),
                .toggle("--resume", help: "keep the rows already in --out and run only what is missing", \.resume),
                .toggle("--fail-fast", help: "stop at the first failed run", \.failFast),
            ]
        return CommandDeclaration(
            arguments: "FILE", positionals: .one("scenario file"),
            summary: "Monte Carlo runs over a design, on threads or shards",
            description: "Runs the scenario N times at every point of a design and writes one row per run.",
            sections: [
                OptionSection(
                    design + running + output + LimitOptions.all.map { $0.scoped(to: \.limits) }
                        + [.quiet(help: "no progress line and no table on standard error", \.quiet)])
            ],
            exitCodes: [
                (.ok, "every run ok"), (.usage, "usage"),
                (.scenario, "a run failed (count on standard error) or the scenario does not load"),
                (.fileNotFound, "file not found"), (.cannotWrite, "cannot write"),
                (.interrupted, "interrupted (finished rows are kept; rerun with --resume)"),
            ],
            notes: "See docs/batch.md for the design, seeds, formats and the summary.")
    }

    mutating func validate(_ given: GivenArguments) throws(CLIError) {
        guard let file = given.positionals.first else {
            throw .commandLine("batch needs a scenario file (simrun batch FILE --runs N)")
        }
        guard runs > 0 else { throw .commandLine("batch needs --runs N") }
        if sample != nil && !sweeps.isEmpty { throw .commandLine("--sample and --sweep cannot be combined") }
        if resume && output.out == nil { throw .commandLine("--resume needs --out FILE: the runs file to complete") }
        if resume && output.format == .csv && summaryPath != nil {
            throw .commandLine("--summary with --resume needs --format jsonl: CSV rows cannot be read back exactly")
        }
        if !precisionTexts.isEmpty {
            if shard != nil {
                throw .commandLine(
                    "--precision cannot be combined with --shard: when a point stops depends on all its runs of "
                        + "each round, which no shard holds")
            }
            if resume && output.format == .csv {
                throw .commandLine(
                    "--precision with --resume needs --format jsonl: the rounds are replayed from the rows, "
                        + "which CSV cannot give back exactly")
            }
            do throws(DesignError) {
                precision = try Precision(parsing: precisionTexts, round: round ?? Precision.defaultRound)
            } catch {
                throw .commandLine(error.message)
            }
        }
        self.file = file
        arguments = given.arguments
    }

    func execute() throws(CLIError) -> ExitCode {
        // Here rather than in `validate`: every flag parses alone, and this one means nothing alone.
        if round != nil && precision == nil { throw CLIError("--round needs --precision", .usage) }
        // The check runs with the default seed: the batch seed only derives the runs' seeds.
        let check = RunRequest(
            file: file, steps: scenario.steps, params: scenario.params, limits: limits,
            libraries: scenario.libraries)
        let flow = try BatchFlow(checking: check)
        var design = try flow.design(
            runsPerPoint: runs, seed: scenario.seed, sweeps: sweeps, sample: sample, varying: varied)
        let checked = flow.scenario
        design.precision = precision
        try calibrate(&design, declared: checked.observed)
        var rounds: AdaptiveRounds?
        if let precision {
            do throws(DesignError) {
                rounds = AdaptiveRounds(design: design, targets: try precision.targets(declared: checked.outcomes))
            } catch {
                throw CLIError(error.message, .usage)
            }
        }
        let format = output.format ?? .jsonl
        let header = RunsHeader(
            version: Simrun.version, scenario: checked.info, design: design,
            params: flow.paramColumns(design), outcomes: checked.outcomes, observed: checked.observed,
            metrics: keepMetrics ? checked.metrics : [], shard: shard)
        let all = (0..<design.totalRuns).filter { shard?.contains(run: $0) ?? true }

        // Rows go to --out, or to standard output when that is not a terminal: a terminal gets the
        // summary table instead, as does standard error when it is one.
        let rowsToStandardOutput = output.out == nil && isatty(STDOUT_FILENO) != 1
        let tableWanted = table || isatty(STDOUT_FILENO) == 1 || (!quiet && isatty(STDERR_FILENO) == 1)
        var summary =
            summaryPath != nil || tableWanted
            ? BatchSummary(
                outcomeNames: checked.outcomes, observedNames: checked.observed, accepting: design.accept,
                points: design.points)
            : nil
        let rows: FileHandle
        var done = 0
        var keptFailures = 0
        var kept: [RunRecord] = []
        if resume, let path = output.out,
            let existing = try resumable(path, header: header, format: format, runs: rounds == nil ? all : nil)
        {
            done = existing.rows.count
            keptFailures = existing.failed
            kept = existing.records
            for record in existing.records { summary?.add(record) }
            rows = try OutputFile.append(to: path, keeping: existing.validLength)
        } else {
            rows = try OutputFile.stream(to: output.out ?? (rowsToStandardOutput ? nil : "/dev/null"))
            try OutputFile.write(header.text(format), to: rows, path: output.out)
        }

        let stop = BatchStop()
        let interrupts = InterruptWatch(stop: stop)
        let sink = RunSink(
            header: header, format: format, output: rows, path: output.out, summary: summary,
            failFast: failFast, stop: stop)
        var progress = BatchProgress(
            total: all.count, alreadyDone: done,
            enabled: !quiet && isatty(STDERR_FILENO) == 1)
        let tick = { progress.show(done: done + sink.count) }
        let emitted: Int
        if var adaptive = rounds {
            emitted = try runRounds(&adaptive, kept: kept, flow: flow, stop: stop, sink: sink, tick: tick)
            rounds = adaptive
        } else {
            let plan = flow.plan(
                design, runs: Array(all.dropFirst(done)), jobs: jobs, keepMetrics: keepMetrics,
                keepTrace: keepTrace)
            emitted = BatchRunner.run(plan, stop: stop, tick: tick, emit: { sink.write($0) })
        }
        progress.finish()
        if let error = sink.writeError { throw error }
        if interrupts.interrupted {
            let kept = "the finished rows are in \(output.out ?? "standard output")"
            throw CLIError(
                "interrupted after \(done + emitted) of \(all.count) runs; \(kept). Resume with: simrun batch "
                    + resumeArguments(), .interrupted)
        }
        if var summary = sink.summary {
            if let rounds { summary.record(stops: rounds.stopped) }
            // With --table the rows' stream decides: the table takes standard output only when the rows do not.
            try SummaryOutput.write(
                summary, header: header, to: summaryPath,
                tableOnStandardOutput: isatty(STDOUT_FILENO) == 1 || (table && output.out != nil),
                tableOnStandardError: table && output.out == nil, quiet: quiet)
        }
        let failed = keptFailures + sink.failed
        if failed > 0 {
            let finished = rounds?.isFinished ?? (done + emitted == all.count)
            let stopped = failFast && !finished ? " (stopped early by --fail-fast)" : ""
            throw CLIError("\(failed) of \(done + emitted) runs failed\(stopped)", .scenario)
        }
        return .ok
    }

    /// Sets the design's seeding and, with `--accept`, the facts a run must reproduce: `observed` is
    /// every fact the scenario declares. Rejection needs every run an independent draw, so `--accept`
    /// refuses `--seeds common`.
    private func calibrate(_ design: inout BatchDesign, declared: [String]) throws(CLIError) {
        design.seeding = seeding ?? (accept.isEmpty ? .common : .independent)
        guard !accept.isEmpty else { return }
        if precision != nil {
            throw CLIError(
                "--accept cannot be combined with --precision: the rounds would stop on every run, the estimates "
                    + "are over the accepted ones", .usage)
        }
        if design.seeding == .common {
            throw CLIError(
                "--accept needs --seeds independent: with common seeds every point's runs share one draw of the "
                    + "scenario's chances, and the accepted params would be conditioned on it", .usage)
        }
        guard !declared.isEmpty else {
            throw CLIError(
                "--accept: \(file) declares no fact of the record (sim.observed), so no run can be accepted",
                .usage)
        }
        var facts: [String] = []
        for name in accept {
            let named = name == "observed" ? declared : [name]
            for fact in named where !facts.contains(fact) {
                guard declared.contains(fact) else {
                    throw CLIError(
                        "--accept \(fact): the scenario declares no such fact (known: "
                            + declared.joined(separator: ", ") + ")", .usage)
                }
                facts.append(fact)
            }
        }
        design.accept = facts
    }

    /// The runs file at `path`, checked to belong to this batch, in `format`, and to hold a prefix of
    /// its runs; nil when there is nothing to keep (no file yet, or one cut short inside this batch's
    /// own header). Anything else is refused and left as it is: a file the user has is never taken
    /// for an empty one. With `runs` nil (an adaptive batch), the rounds check the order of the rows.
    private func resumable(
        _ path: String, header: RunsHeader, format: RunsFormat, runs: [Int]?
    ) throws(CLIError) -> RunsFileContents? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let data = try InputFile.read(path)
        let existing: RunsFileContents
        do throws(RunsFileContents.ReadError) {
            existing = try RunsFileContents.read(data, path: path)
        } catch {
            if error.beforeHeader, Data(header.text(format).utf8).starts(with: data) { return nil }
            throw CLIError("--resume: \(error.message); \(path) is left as it is", .usage)
        }
        guard existing.format == format else {
            throw CLIError(
                "--resume: \(path) is a \(existing.format.rawValue) runs file but the batch writes "
                    + "\(format.rawValue): give --format \(existing.format.rawValue) to resume it", .usage)
        }
        guard existing.header.json.compact() == header.json.compact() else {
            throw CLIError(
                "--resume: \(path) belongs to another batch (scenario, seed, design, columns or shard "
                    + "differ)", .usage)
        }
        if let runs, existing.rows.map(\.run) != Array(runs.prefix(existing.rows.count)) {
            throw CLIError("--resume: the rows of \(path) are not this batch's runs in order", .usage)
        }
        return existing
    }

    /// The command line again with `--resume`, quoted for a POSIX shell.
    private func resumeArguments() -> String {
        let plain = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_@%+=:,./-")
        return ([file] + arguments.filter { $0 != file && $0 != "--resume" } + ["--resume"]).map { argument in
            !argument.isEmpty && argument.allSatisfy(plain.contains)
                ? argument
                : "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }.joined(separator: " ")
    }
}
