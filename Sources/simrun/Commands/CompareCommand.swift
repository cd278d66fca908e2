// CompareCommand: `simrun compare A B` — two run reports, two batches (runs files or summaries), or
// two scenarios run in pairs with common random numbers, as text, JSON or markdown.
import Foundation
import LuaBridge
import SimBatch
import SimCharts
import SimReports
import SimSupport

struct CompareCommand: Command {
    enum Format: String { case text, md, json, html }

    var files: [String] = []
    var output = OutputOptions<Format>()
    var top = 10
    var runs: Int?
    /// `--seed` and `--steps` (the params of each side come through `pairParams`).
    var scenario = ScenarioOptions()
    var jobs = ProcessInfo.processInfo.activeProcessorCount
    var limits = ScenarioLimits()
    var pairParams = PairOptions()
    /// The two scenarios of a paired comparison.
    var pair: ScenarioPair?
    /// `--precision W` or `NAME=W`, as given (parsed by `validate`).
    var precisionTexts: [String] = []
    var round: Int?
    var precision: Precision?

    /// The flags only running two scenarios uses: refused with two output files.
    static var pairedRunOptions: OptionSection<CompareCommand> {
        OptionSection(
            "Paired runs of two scenarios",
            [
                .value(
                    "--runs", .count(minimum: 2, maximum: BatchDesign.maxRuns),
                    help: "runs of each scenario (required)", \.runs),
                .values(
                    "--precision", .text("[NAME=]W"),
                    help: """
                        run pairs in rounds until the paired difference's 95% half-width of outcome NAME
                        (without NAME: of every common outcome) is at most W; --runs is then the cap (repeatable)
                        """, appendingTo: \.precisionTexts),
                .value(
                    "--round", .count(minimum: 1, maximum: BatchDesign.maxRuns),
                    help: "with --precision: pairs in a round (default \(Precision.defaultRound))", \.round),
                ScenarioOptions.seedFlag.described("seed the run seeds derive from, as in simrun batch (default 1)")
                    .scoped(to: \.scenario),
                .jobs(\.jobs),
                ScenarioOptions.stepsFlag.described("ticks of each run (default: each scenario's steps)")
                    .scoped(to: \.scenario),
                ScenarioOptions.libFlag.scoped(to: \.scenario),
            ] + PairOptions.all.map { $0.scoped(to: \.pairParams) } + LimitOptions.all.map { $0.scoped(to: \.limits) })
    }

    static let name = "compare"

    static var declaration: CommandDeclaration<CompareCommand> {
        CommandDeclaration(
            arguments: "BASE VARIANT", positionals: .several,
            summary: "two reports, two batches, or two scenarios in paired runs",
            description: """
                Compares a variant with a base:
                  two run reports (simrun run --format json)   outcomes and their change, the alignments that moved
                                                               most, resource and force differences, events in one
                                                               run and not the other
                  two batches (runs files or summaries)        per outcome both estimates and the difference with its
                                                               95% interval (Welch; Newcombe for proportions); runs
                                                               files with the same seeds are also compared in pairs
                  two scenario files with --runs N             both run N times with the same seeds (common random
                                                               numbers): the paired difference of every outcome
                """,
            sections: [
                OptionSection(
                    [
                        OutputOptions<Format>.formatFlag(
                            [.text, .md, .json, .html],
                            help: "output format (default text); md: markdown tables; html: the tables as one page"),
                        OutputOptions<Format>.outFlag(),
                    ].map { $0.scoped(to: \.output) } + [
                        .top(help: "rows of the alignment, resource and force tables (default 10)", \.top)
                    ]),
                pairedRunOptions,
            ],
            exitCodes: [
                (.ok, "compared"), (.usage, "usage"),
                (.scenario, "a file is not a report, runs file or summary, or a scenario does not load"),
                (.fileNotFound, "file not found or unreadable"), (.cannotWrite, "cannot write"),
            ],
            notes: "See docs/compare.md.")
    }

    mutating func validate(_ given: GivenArguments) throws(CLIError) {
        files = given.positionals
        guard files.count == 2 else {
            throw .commandLine(
                "compare needs two files, base and variant (simrun compare BASE VARIANT), "
                    + "got \(files.count)")
        }
        let scenarios = files.filter { $0.hasSuffix(".lua") }.count
        if scenarios == 1 {
            throw .commandLine("compare takes two scenario files or two output files, not one of each")
        }
        if scenarios == 2 && runs == nil {
            throw .commandLine("comparing two scenarios needs --runs N: both are run N times with the same seeds")
        }
        if scenarios == 0 {
            let scenarioOnly = Self.pairedRunOptions.names
            if let flag = given.flags.last(where: scenarioOnly.contains) {
                throw .commandLine("\(flag) is for comparing two scenario files")
            }
        } else {
            pair = try ScenarioPair(files: files, params: pairParams, libraries: scenario.libraries)
        }
        if !precisionTexts.isEmpty {
            do throws(DesignError) {
                precision = try Precision(parsing: precisionTexts, round: round ?? Precision.defaultRound)
            } catch {
                throw .commandLine(error.message)
            }
        }
    }

    func execute() throws(CLIError) -> ExitCode {
        // Here rather than in `validate`: every flag parses alone, and this one means nothing alone.
        if round != nil && precision == nil { throw CLIError("--round needs --precision", .usage) }
        let text: String
        if let runs, let pair {
            text = try pairedRuns(pair, runs: runs)
        } else {
            text = try comparedFiles()
        }
        try OutputFile.write(text, to: output.out)
        return .ok
    }

    /// Two reports or two batches, read from their files and compared.
    private func comparedFiles() throws(CLIError) -> String {
        let base = try ComparedFile.read(files[0], label: CompareCommand.label(files[0], files[1]))
        let variant = try ComparedFile.read(files[1], label: CompareCommand.label(files[1], files[0]))
        switch (base, variant) {
        case (.report(let base), .report(let variant)):
            let comparison = ReportComparison(base: base, variant: variant)
            let seeds = (base.seed.map(String.init) ?? "?", variant.seed.map(String.init) ?? "?")
            return render(
                comparison.tables(limit: top), json: comparison.json(limit: top),
                warnings: comparison.warnings,
                heading: "\(base.label) (\(base.scenario), seed \(seeds.0)) vs \(variant.label) "
                    + "(\(variant.scenario), seed \(seeds.1))")
        case (.batch(let base), .batch(let variant)):
            let comparison = BatchComparison(base: base, variant: variant)
            return render(
                comparison.tables(), json: comparison.json(), warnings: comparison.warnings,
                heading: "\(base.label) (\(base.scenario)) vs \(variant.label) (\(variant.scenario))")
        default:
            throw CLIError(
                "compare needs two of a kind: two run reports or two batches (runs files or summaries)",
                .usage)
        }
    }

    /// The file name, or the whole path when both files have the same name.
    static func label(_ path: String, _ other: String) -> String {
        let name = (path as NSString).lastPathComponent
        return name == (other as NSString).lastPathComponent ? path : name
    }

    /// The tables in the chosen format, warnings first (also on standard error for text).
    func render(_ tables: [TextTable], json: JSONValue, warnings: [String], heading: String) -> String {
        switch output.format ?? .text {
        case .json:
            return json.serialized()
        case .text:
            for warning in warnings { Simrun.printWarning(warning) }
            var lines = [TerminalText.safe(heading), ""] + warnings.map { "warning: " + TerminalText.safe($0) }
            if !warnings.isEmpty { lines.append("") }
            return lines.joined(separator: "\n") + tables.map { $0.text() }.joined(separator: "\n")
        case .md:
            return "## " + heading + "\n\n" + warnings.map { "> **warning:** \($0)\n" }.joined()
                + (warnings.isEmpty ? "" : "\n") + tables.map { $0.markdown() }.joined(separator: "\n")
        case .html:
            var page = HTMLPage(title: heading)
            for warning in warnings { page.paragraph("warning: " + warning, note: true) }
            for table in tables { page.section(table) }
            return page.html
        }
    }
}
