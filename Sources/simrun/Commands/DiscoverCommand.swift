// DiscoverCommand: `simrun discover RUNS --outcome NAME` — scenario discovery with PRIM: the box in
// the space of the params a batch varied where the runs of interest (an outcome true, equal to a
// category, above or below a threshold) are densest. See docs/analysis.md.
import Foundation
import SimBatch

struct DiscoverCommand: Command {
    enum Format: String { case text, md, json, html }

    var file = ""
    var outcome = ""
    var value: String?
    var above: Double?
    var below: Double?
    var alpha = 0.05
    var minCoverage = 0.5
    var output = OutputOptions<Format>()

    static let name = "discover"

    static var declaration: CommandDeclaration<DiscoverCommand> {
        CommandDeclaration(
            arguments: "RUNS", positionals: .one("runs file"),
            summary: "where in param space an outcome happens (PRIM)",
            description: """
                Reads the runs file of a batch that varied params (--sample or --sweep; JSON lines) and finds, with
                PRIM (Friedman & Fisher 1999), a box of those params where the cases of interest are dense: the runs
                whose outcome is true (booleans), equals --value (categories), or is above or below a threshold
                (numbers). Peels alpha-quantile slices off one param at a time down to 5% of the runs, chooses the
                densest box of the trajectory covering at least --min-coverage of the cases, then pastes. Failed
                runs and runs without the outcome are left out, and counted.
                """,
            sections: [
                OptionSection(
                    "Cases",
                    [
                        Option.value(
                            "--outcome", .text("NAME"), help: "the outcome that makes a case (required)", \.outcome
                        )
                        .required(),
                        .value(
                            "--value", .text("CATEGORY"),
                            help: "a category outcome's value (a boolean's: true or false)", \.value),
                        .value("--above", .number, help: "a number outcome above X", \.above),
                        .value("--below", .number, help: "a number outcome below X", \.below),
                    ]),
                OptionSection(
                    "PRIM",
                    [
                        .value(
                            "--alpha", .number, help: "the share one peel or paste moves, in (0, 0.5) (default 0.05)",
                            \.alpha),
                        .value(
                            "--min-coverage", .number,
                            help: "the least share of the cases the chosen box covers, in [0, 1] (default 0.5)",
                            \.minCoverage),
                    ]),
                OptionSection(
                    "Output",
                    [
                        OutputOptions<Format>.formatFlag(
                            [.text, .md, .json, .html],
                            help: "text (default), md (the tables in markdown), json, or html: one page with charts"),
                        OutputOptions<Format>.outFlag(),
                    ].map { $0.scoped(to: \.output) }),
            ],
            exitCodes: [
                (.ok, "ok"),
                (
                    .usage,
                    "usage (also: an unknown outcome, a flag unfit for its kind, no varied param, a CSV file)"
                ),
                (.scenario, "RUNS is not a runs file, or holds no finished run with the outcome, or no case"),
                (.fileNotFound, "file not found or unreadable"), (.cannotWrite, "cannot write"),
            ],
            notes: "See docs/analysis.md.")
    }

    mutating func validate(_ given: GivenArguments) throws(CLIError) {
        guard let file = given.positionals.first else {
            throw .commandLine("discover needs a runs file (simrun discover runs.jsonl --outcome NAME)")
        }
        self.file = file
        guard !outcome.isEmpty else {
            throw .commandLine("discover needs --outcome NAME: the outcome whose cases to look for")
        }
        guard alpha > 0, alpha < 0.5 else {
            throw .commandLine("--alpha takes a number above 0 and below 0.5, got \(alpha)")
        }
        guard minCoverage >= 0, minCoverage <= 1 else {
            throw .commandLine("--min-coverage takes a number from 0 to 1, got \(minCoverage)")
        }
    }

    func execute() throws(CLIError) -> ExitCode {
        let data = try InputFile.read(file)
        let contents: RunsFileContents
        do throws(RunsFileContents.ReadError) {
            contents = try RunsFileContents.read(data, path: file)
        } catch {
            throw CLIError(error.message, .scenario)
        }
        guard contents.format == .jsonl else {
            throw CLIError(
                "\(file) is CSV: discover needs a JSON lines runs file (CSV rows cannot be read back exactly)", .usage)
        }
        let discovery: Discovery
        do throws(DiscoveryError) {
            discovery = try Discovery(
                contents: contents, outcome: outcome, value: value, above: above, below: below, alpha: alpha,
                minCoverage: minCoverage)
        } catch {
            throw CLIError("\(file): \(error.message)", error.isUsage ? .usage : .scenario)
        }
        let text: String
        switch output.format ?? .text {
        case .text: text = discovery.text()
        case .md: text = discovery.markdown()
        case .json: text = discovery.json()
        case .html: text = discovery.html()
        }
        try OutputFile.write(text, to: output.out)
        return .ok
    }
}
