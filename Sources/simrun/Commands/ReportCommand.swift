// ReportCommand: `simrun report FILE` — a batch summary written by `batch` or `merge` turned into a
// report for a person (an HTML page with charts) or written again as JSON.
import Foundation
import SimCore

struct ReportCommand {
    static let help = """
    USAGE: simrun report FILE [--format html|json] [--out FILE]

    Reads a batch summary (the JSON of 'simrun batch --summary' or 'simrun merge --summary') and writes
    it as one self-contained HTML page: histograms of numeric outcomes, probability bars with their 95%
    intervals and, for sweeps, each outcome against the swept param. A single run's page comes from
    'simrun run FILE --format html'.

    OPTIONS:
      --format html|json       html (default): the page; json: the summary again, pretty-printed
      --out FILE               write to FILE (atomically) instead of standard output
      -h, --help               this help

    EXIT CODES: 0 ok, 64 usage (also: FILE is a single run's report), 65 FILE is not a summary's JSON,
    66 file not found, 74 cannot write.
    """

    enum Format: String { case html, json }

    var file: String
    var format = Format.html
    var out: String?

    init(arguments: [String]) throws(UsageError) {
        var scanner = ArgumentScanner(arguments, valued: ["--format", "--out"], switches: [])
        var file: String?
        while let item = try scanner.next() {
            switch item {
            case .positional(let path):
                guard file == nil else { throw UsageError("unexpected argument '\(path)': report takes one summary file") }
                file = path
            case .flag("--format", let v):
                guard let f = Format(rawValue: v) else { throw UsageError("--format takes html or json, got '\(v)'") }
                format = f
            case .flag("--out", let v): out = v
            case .toggle: throw UsageError(help: ReportCommand.help)
            case .flag(let name, _): throw UsageError("unknown flag \(name)")
            }
        }
        guard let file else { throw UsageError("report needs a summary file (simrun report summary.json)") }
        self.file = file
    }

    func execute() -> ExitCode {
        guard let data = FileManager.default.contents(atPath: file) else {
            let exists = FileManager.default.fileExists(atPath: file)
            Simrun.printError(exists ? "cannot read \(file)" : "\(file): no such file")
            return exists ? .cannotWrite : .fileNotFound
        }
        let document: JSONValue
        do throws(JSONParseError) {
            document = try JSONValue.parse(String(decoding: data, as: UTF8.self))
        } catch {
            Simrun.printError("\(file): not JSON: \(error)")
            return .scenario
        }
        guard BatchSummary.isSummary(document) else {
            if document["alignments"] != nil, document["metrics"] != nil {
                Simrun.printError("\(file) is a single run's report, not a batch summary: make its page with "
                    + "simrun run SCENARIO --format html (same --seed and --param)")
                return .usage
            }
            Simrun.printError("\(file) is not a batch summary (no \"points\" and \"design\"): write one with "
                + "simrun batch ... --summary FILE")
            return .scenario
        }
        let text = format == .html ? BatchSummary.html(summary: document) : document.serialized()
        do throws(OutputFile.WriteError) {
            try OutputFile.write(text, to: out)
        } catch {
            Simrun.printError(error.message)
            return .cannotWrite
        }
        return .ok
    }
}
