// ReportCommand: `simrun report FILE` — a batch summary (from `batch` or `merge`) or a single run's
// JSON report (from `run`) written again for a person: as text, markdown or an HTML page, or as
// JSON. Everything comes from the file; nothing is run again.
import Foundation
import SimBatch
import SimReports
import SimSupport

struct ReportCommand: Command {
    enum Format: String { case text, md, json, html }

    var file = ""
    var output = OutputOptions<Format>()

    static let name = "report"

    static var declaration: CommandDeclaration<ReportCommand> {
        CommandDeclaration(
            arguments: "FILE", positionals: .one("summary or report file"),
            summary: "a batch summary or a run's JSON report as text, markdown, JSON or an HTML page",
            description: """
                Reads a batch summary (the JSON of 'simrun batch --summary' or 'simrun merge --summary') or a
                single run's report ('simrun run --format json') and writes it again without running anything.
                A summary's text and markdown are the table 'simrun batch --table' prints; its page has
                histograms of numeric outcomes, probability bars with their 95% intervals and, for sweeps, each
                outcome against the swept param. A run report's text, markdown and page show its provenance,
                outcomes, metrics, forces, wars, blocs, events, warnings and log.
                """,
            sections: [
                OptionSection(
                    [
                        OutputOptions<Format>.formatFlag(
                            [.text, .md, .json, .html],
                            help: """
                                text, md (markdown tables), json (the file again, pretty-printed) or html
                                (default: text to a terminal, html otherwise)
                                """),
                        OutputOptions<Format>.outFlag(),
                    ].map { $0.scoped(to: \.output) })
            ],
            exitCodes: [
                (.ok, "ok"), (.usage, "usage"),
                (.scenario, "FILE is neither a summary's JSON nor a run report's"),
                (.fileNotFound, "file not found or unreadable"), (.cannotWrite, "cannot write"),
            ])
    }

    mutating func validate(_ given: GivenArguments) throws(CLIError) {
        guard let file = given.positionals.first else {
            throw .commandLine("report needs a summary or a run report (simrun report summary.json)")
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
        let format = output.format ?? (output.out == nil && isatty(STDOUT_FILENO) == 1 ? .text : .html)
        let text: String
        if SummaryDocument.isSummary(document) {
            text = try summary(document, as: format)
        } else if document[RunReportKey.alignments] != nil, document[RunReportKey.metrics] != nil {
            text = try runReport(document, as: format)
        } else {
            throw CLIError(
                "\(file) is neither a batch summary (no \"points\" and \"design\") nor a run report: write one "
                    + "with simrun batch ... --summary FILE or simrun run ... --format json", .scenario)
        }
        try OutputFile.write(text, to: output.out)
        return .ok
    }

    private func summary(_ json: JSONValue, as format: Format) throws(CLIError) -> String {
        let document = SummaryDocument(json)
        do throws(SummaryDocument.Invalid) {
            try document.check()
        } catch {
            throw CLIError("\(file): \(error.message)", .scenario)
        }
        switch format {
        case .text: return document.table()
        case .md: return document.markdown()
        case .json: return json.serialized()
        case .html: return BatchSummary.html(summary: json)
        }
    }

    private func runReport(_ json: JSONValue, as format: Format) throws(CLIError) -> String {
        let document: ReportDocument
        do throws(ComparisonInputError) {
            document = try ReportDocument(label: file, json: json)
        } catch {
            throw CLIError(error.message, .scenario)
        }
        switch format {
        case .text: return document.text()
        case .md: return document.markdown()
        case .json: return json.serialized()
        case .html: return document.html()
        }
    }
}
