// ReportCommand: `simrun report FILE` — a batch summary written by `batch` or `merge` turned into a
// report for a person (an HTML page with charts) or written again as JSON.
import Foundation
import SimBatch
import SimSupport

struct ReportCommand: Command {
    enum Format: String { case html, json }

    var file = ""
    var output = OutputOptions<Format>()

    static let name = "report"

    static var declaration: CommandDeclaration<ReportCommand> {
        CommandDeclaration(
            arguments: "SUMMARY", positionals: .one("summary file"),
            summary: "a batch summary as an HTML page with charts",
            description: """
                Reads a batch summary (the JSON of 'simrun batch --summary' or 'simrun merge --summary') and writes
                it as one self-contained HTML page: histograms of numeric outcomes, probability bars with their 95%
                intervals and, for sweeps, each outcome against the swept param. A single run's page comes from
                'simrun run FILE --format html'.
                """,
            sections: [
                OptionSection(
                    [
                        OutputOptions<Format>.formatFlag(
                            [.html, .json],
                            help: "html (default): the page; json: the summary again, pretty-printed"),
                        OutputOptions<Format>.outFlag(),
                    ].map { $0.scoped(to: \.output) })
            ],
            exitCodes: [
                (.ok, "ok"), (.usage, "usage (also: SUMMARY is a single run's report)"),
                (.scenario, "SUMMARY is not a summary's JSON"), (.fileNotFound, "file not found or unreadable"),
                (.cannotWrite, "cannot write"),
            ])
    }

    mutating func validate(_ given: GivenArguments) throws(CLIError) {
        guard let file = given.positionals.first else {
            throw .commandLine("report needs a summary file (simrun report summary.json)")
        }
        self.file = file
    }

    func execute() throws(CLIError) -> ExitCode {
        let data = try InputFile.read(file)
        let document: JSONValue
        do throws(JSONParseError) {
            document = try JSONValue.parse(String(decoding: data, as: UTF8.self))
        } catch {
            throw CLIError("\(file): not JSON: \(error)", .scenario)
        }
        guard SummaryDocument.isSummary(document) else {
            if document["alignments"] != nil, document["metrics"] != nil {
                throw CLIError(
                    "\(file) is a single run's report, not a batch summary: make its page with "
                        + "simrun run SCENARIO --format html (same --seed and --param)", .usage)
            }
            throw CLIError(
                "\(file) is not a batch summary (no \"points\" and \"design\"): write one with "
                    + "simrun batch ... --summary FILE", .scenario)
        }
        do throws(SummaryDocument.Invalid) {
            try SummaryDocument(document).check()
        } catch {
            throw CLIError("\(file): \(error.message)", .scenario)
        }
        let text = (output.format ?? .html) == .html ? BatchSummary.html(summary: document) : document.serialized()
        try OutputFile.write(text, to: output.out)
        return .ok
    }
}
