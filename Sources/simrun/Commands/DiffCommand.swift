// DiffCommand: `simrun diff A B` — where two runs first part ways: two run reports, or two scenarios
// run with one seed (then the state at the first differing tick is shown value by value).
import Foundation
import LuaBridge
import SimCore
import SimReports
import SimSupport

struct DiffCommand: Command {
    enum Format: String { case text, md, json }

    var files: [String] = []
    var output = OutputOptions<Format>()
    var top = 10
    /// `--seed` and `--steps` (the params of each side come through `pairParams`).
    var scenario = ScenarioOptions()
    var limits = ScenarioLimits()
    var pairParams = PairOptions()
    var pair: ScenarioPair?

    /// The flags only running two scenarios uses: refused with two reports.
    static var scenarioFileOptions: OptionSection<DiffCommand> {
        OptionSection(
            "Two scenario files",
            [
                ScenarioOptions.seedFlag.described("the seed of both runs (default 1)").scoped(to: \.scenario),
                ScenarioOptions.stepsFlag.described("ticks of each run (default: each scenario's steps)")
                    .scoped(to: \.scenario),
                ScenarioOptions.libFlag.scoped(to: \.scenario),
            ] + PairOptions.all.map { $0.scoped(to: \.pairParams) })
    }

    static let name = "diff"

    static var declaration: CommandDeclaration<DiffCommand> {
        CommandDeclaration(
            arguments: "A B", positionals: .several,
            summary: "where two runs first diverge",
            description: """
                Names the first tick where two runs differ, the parts of the state that differ there (alignments,
                forces, resources, ties: from the per-tick state digests of the reports), the first event that
                differs and the first metric value that does.
                  two run reports (simrun run --format json)
                  two scenario files (or one file twice with --base-param/--variant-param), run with one seed: the
                  values that differ at the first differing tick are listed too
                """,
            sections: [
                // The limits are taken with two reports too, where they change nothing.
                OptionSection(
                    [
                        OutputOptions<Format>.formatFlag(
                            [.text, .md, .json], help: "output format (default text); md: the tables in markdown"),
                        OutputOptions<Format>.outFlag(),
                    ].map { $0.scoped(to: \.output) } + [
                        .top(help: "differing values listed per part of the state (default 10)", \.top)
                    ] + LimitOptions.all.map { $0.scoped(to: \.limits) }),
                scenarioFileOptions,
            ],
            exitCodes: [
                (.ok, "the runs are identical"), (.differ, "they differ"), (.usage, "usage"),
                (.scenario, "a file is not a run report or a scenario does not load"),
                (.fileNotFound, "file not found or unreadable"), (.cannotWrite, "cannot write"),
            ])
    }

    mutating func validate(_ given: GivenArguments) throws(CLIError) {
        files = given.positionals
        guard files.count == 2 else { throw .commandLine("diff needs two files (simrun diff A B), got \(files.count)") }
        switch files.filter({ $0.hasSuffix(".lua") }).count {
        case 2:
            pair = try ScenarioPair(files: files, params: pairParams, libraries: scenario.libraries)
        case 0:
            let scenarioOnly = Self.scenarioFileOptions.names
            if let flag = given.flags.last(where: scenarioOnly.contains) {
                throw .commandLine("\(flag) is for diffing two scenario files")
            }
        default:
            throw .commandLine("diff takes two run reports or two scenario files, not one of each")
        }
    }

    func execute() throws(CLIError) -> ExitCode {
        let documents: [ReportDocument]
        var stateAtDivergence: ReportComparison?
        if let pair {
            documents = try run(pair, steps: scenario.steps).mapError(CLIError.init).get()
            // Both runs again up to the first tick whose state differs: the values there.
            if let tick = RunDivergence(base: documents[0], variant: documents[1]).stateTick?.tick,
                case .success(let atTick) = run(pair, steps: tick)
            {
                stateAtDivergence = ReportComparison(base: atTick[0], variant: atTick[1])
            }
        } else {
            var read: [ReportDocument] = []
            for (path, other) in [(files[0], files[1]), (files[1], files[0])] {
                guard case .report(let document) = try ComparedFile.read(path, label: CompareCommand.label(path, other))
                else {
                    throw CLIError(
                        "\(path): not a run report (diff compares two runs; compare takes batches)",
                        .scenario)
                }
                read.append(document)
            }
            documents = read
        }
        let divergence = RunDivergence(base: documents[0], variant: documents[1])
        let text: String
        switch output.format ?? .text {
        case .json:
            var fields: [(String, JSONValue)] = [
                ("base", .string(documents[0].label)),
                ("variant", .string(documents[1].label)),
            ]
            if case .object(let rest) = divergence.json { fields += rest }
            if let stateAtDivergence {
                fields.append(("state_at_divergence", .object(stateAtDivergence.stateJSON(limit: top))))
            }
            text = JSONValue.object(fields).serialized()
        case .text, .md:
            let heading = "\(documents[0].label) vs \(documents[1].label)"
            let lines = divergence.lines(base: documents[0], variant: documents[1]).map(TerminalText.safe)
            let markdown = output.format == .md
            // In markdown the outline keeps its indents as a block; the state's tables become pipe tables.
            var body =
                markdown
                ? "## \(TerminalText.safe(heading))\n\n```\n" + lines.joined(separator: "\n") + "\n```\n"
                : ([TerminalText.safe(heading)] + lines).joined(separator: "\n") + "\n"
            if let stateAtDivergence, let tick = divergence.stateTick?.tick {
                let tables = stateAtDivergence.stateTables(limit: top).filter { !$0.rows.isEmpty }
                body +=
                    markdown
                    ? "\n## The state after tick \(tick)\n\n" + tables.map { $0.markdown() }.joined(separator: "\n")
                    : "\nTHE STATE AFTER TICK \(tick)\n" + tables.map { $0.text() }.joined(separator: "\n")
            }
            text = body
        }
        try OutputFile.write(text, to: output.out)
        return divergence.identical ? .ok : .differ
    }

    /// Both scenarios with the seed, `steps` ticks each, as parsed reports.
    private func run(_ pair: ScenarioPair, steps: Int?) -> Result<[ReportDocument], ScenarioFailure> {
        var documents: [ReportDocument] = []
        for side in 0..<2 {
            let request = pair.request(side, seed: scenario.seed, steps: steps, limits: limits)
            switch ScenarioRunner.run(request, simrunVersion: Simrun.version) {
            case .failure(let failure):
                return .failure(failure)
            case .success(let report):
                if case .failed(let failure) = report.status {
                    Simrun.printWarning("\(pair.label(side)): \(failure.message)")
                }
                // Through the JSON report, so a diff of scenarios and a diff of their reports agree.
                guard let document = try? ReportDocument(label: pair.label(side), text: report.json()) else {
                    let message = "\(pair.label(side)): its report could not be read back"
                    return .failure(.scenario(RunFailure(.error, message)))
                }
                documents.append(document)
            }
        }
        return .success(documents)
    }
}
