// SensitivityCommand: `simrun sensitivity FILE --method sobol|morris --samples N` — global sensitivity
// analysis: runs the scenario at the points of a Sobol (Saltelli) or Morris design over the ranges of
// its sampleable params, on threads, and writes each outcome's indices. See docs/analysis.md.
import Foundation
import LuaBridge
import SimBatch
import SimSupport

struct SensitivityCommand: Command {
    enum Format: String { case text, md, json, html }

    var file = ""
    /// Nil until `--method` is read (it is required).
    var method: SensitivityDesign.Method?
    /// N (Sobol) or r (Morris); 0 until `--samples` is read (it takes 2 or more).
    var samples = 0
    var scenario = ScenarioOptions()
    var jobs = ProcessInfo.processInfo.activeProcessorCount
    /// `--vary NAME`: the params to vary, in command-line order (none: every sampleable one).
    var varied: [String] = []
    var keepMetrics = false
    var limits = ScenarioLimits()
    var quiet = false
    var output = OutputOptions<Format>()

    static let name = "sensitivity"

    static var declaration: CommandDeclaration<SensitivityCommand> {
        let method = FlagValue<SensitivityDesign.Method>(name: "sobol|morris") { text, flag throws(CLIError) in
            guard let method = SensitivityDesign.Method(rawValue: text) else {
                throw .commandLine("\(flag) takes sobol or morris, got '\(text)'")
            }
            return method
        }
        let design: [Option<SensitivityCommand>] = [
            .value("--method", method, help: "sobol (Saltelli's design) or morris (required)", \.method).required(),
            .value(
                "--samples", .count(minimum: 2, maximum: BatchDesign.maxRuns),
                help: """
                    N rows of A and B (sobol: N·(k+2) runs) or N trajectories
                    (morris: N·(k+1) runs); 2 or more (required)
                    """, \.samples
            ).required(),
            ScenarioOptions.seedFlag.described(
                "seed (default 1) of the design, the bootstrap and the runs' one shared seed"
            ).scoped(to: \.scenario),
            ScenarioOptions.stepsFlag.scoped(to: \.scenario),
            ScenarioOptions.paramFlag.described("fix a param, or a rate dynamics.NAME, for every run (repeatable)")
                .scoped(to: \.scenario),
            ScenarioOptions.libFlag.scoped(to: \.scenario),
            .values(
                "--vary", .text("NAME"),
                help: """
                    vary this param only, or a rate dynamics.NAME over its documented range
                    (repeatable; default: every number param with a declared min and max)
                    """, appendingTo: \.varied),
            .toggle("--metrics", help: "analyse each metric's final value too", \.keepMetrics),
            .jobs(\.jobs),
        ]
        let output: [Option<SensitivityCommand>] = [
            OutputOptions<Format>.formatFlag(
                [.text, .md, .json, .html],
                help: "text (default), md (the tables in markdown), json, or html: one page with charts"),
            OutputOptions<Format>.outFlag(),
        ].map { $0.scoped(to: \.output) }
        return CommandDeclaration(
            arguments: "FILE", positionals: .one("scenario file"),
            summary: "which params drive the outcomes (Sobol indices, Morris effects)",
            description: """
                Runs the scenario once at each point of a design over the declared ranges of its params (those
                --sample would sample, or those --vary names) and writes, for each outcome, Sobol first-order and
                total indices with 95% bootstrap intervals, or Morris's mu*, mu and sigma. Booleans count as 0/1,
                a category as one 0/1 output per value (NAME=VALUE). Every run has the same seed.
                """,
            sections: [
                OptionSection("Design", design),
                OptionSection("Output", output + [.quiet(help: "no progress line on standard error", \.quiet)]),
                OptionSection("Limits", LimitOptions.all.map { $0.scoped(to: \.limits) }),
            ],
            exitCodes: [
                (.ok, "ok"),
                (
                    .usage,
                    "usage (also: an unknown method or --vary name, --samples below 2, no param to vary)"
                ),
                (.scenario, "a run failed (the indices are still written) or the scenario does not load"),
                (.fileNotFound, "file not found"), (.cannotWrite, "cannot write"),
            ],
            notes: "See docs/analysis.md.")
    }

    mutating func validate(_ given: GivenArguments) throws(CLIError) {
        guard let file = given.positionals.first else {
            throw .commandLine("sensitivity needs a scenario file (simrun sensitivity FILE --method sobol --samples N)")
        }
        guard method != nil else { throw .commandLine("sensitivity needs --method sobol or --method morris") }
        guard samples >= 2 else { throw .commandLine("sensitivity needs --samples N, 2 or more") }
        self.file = file
    }

    func execute() throws(CLIError) -> ExitCode {
        guard let method else { throw .commandLine("sensitivity needs --method sobol or --method morris") }
        let check = RunRequest(
            file: file, steps: scenario.steps, params: scenario.params, limits: limits,
            libraries: scenario.libraries)
        let flow = try BatchFlow(checking: check)
        let ranges: [ParamRange]
        do throws(DesignError) {
            ranges = try flow.sampledRanges(varying: varied)
        } catch {
            throw CLIError(error.message, .usage)
        }
        guard !ranges.isEmpty else {
            throw CLIError(
                "sensitivity: no number param with a declared min and max is left to vary (or name one with --vary)",
                .usage)
        }
        guard SensitivityDesign.runs(method: method, samples: samples, params: ranges.count) != nil else {
            throw CLIError(
                "--samples \(samples) over \(ranges.count) params: more than \(BatchDesign.maxPoints) runs", .usage)
        }
        let design = SensitivityDesign(method: method, samples: samples, ranges: ranges, seed: scenario.seed)
        let batch = BatchDesign(seed: scenario.seed, steps: check.steps, fixed: flow.fixed, points: design.points)
        let plan = flow.plan(batch, runs: Array(0..<batch.totalRuns), jobs: jobs, keepMetrics: keepMetrics)
        let collected = RecordCollector()
        var progress = BatchProgress(
            total: batch.totalRuns, alreadyDone: 0, enabled: !quiet && isatty(STDERR_FILENO) == 1)
        _ = BatchRunner.run(
            plan, stop: BatchStop(), tick: { progress.show(done: collected.count) }, emit: collected.add)
        progress.finish()
        let checked = flow.scenario
        let header: [(String, JSONValue)] = [
            (BatchProvenance.Key.simrun, ["version": .string(Simrun.version), "schema": .int(RunsHeader.schema)]),
            (
                BatchProvenance.Key.scenario,
                ["name": .string(checked.info.name), "sha256": .string(checked.info.sha256)]
            ),
            (BatchProvenance.Key.seed, .unsigned(scenario.seed)),
            (BatchProvenance.Key.design, design.json(steps: check.steps, fixed: flow.fixed)),
        ]
        let analysis = Sensitivity(
            header: header, design: design, records: collected.records, outcomes: checked.outcomes,
            metrics: keepMetrics ? checked.metrics : [], seed: scenario.seed)
        let text: String
        switch output.format ?? .text {
        case .text: text = analysis.text()
        case .md: text = analysis.markdown()
        case .json: text = analysis.json()
        case .html: text = analysis.html()
        }
        try OutputFile.write(text, to: output.out)
        if !analysis.failedRuns.isEmpty {
            throw CLIError("\(analysis.failedRuns.count) of \(batch.totalRuns) runs failed", .scenario)
        }
        return .ok
    }
}
