// RunCommand: `simrun run FILE` — one scenario, one seed, one report.
import Foundation
import LuaBridge
import SimReports
import SimSupport

struct RunCommand: Command {
    enum Format: String { case text, md, json, html }

    var file = ""
    var scenario = ScenarioOptions()
    var output = OutputOptions<Format>()
    var limits = ScenarioLimits()
    var quiet = false

    static let name = "run"

    static var declaration: CommandDeclaration<RunCommand> {
        let format = OutputOptions<Format>.formatFlag(
            [.text, .md, .json, .html],
            help: """
                report format (default: text to a terminal, json otherwise); md is the
                report's tables in markdown; html is one self-contained page with charts
                """)
        let out = OutputOptions<Format>.outFlag(
            help: "write the report to FILE (atomically) instead of standard output")
        return CommandDeclaration(
            arguments: "FILE", positionals: .one("scenario file"),
            summary: "run a scenario and write its report",
            description: "Runs one scenario and writes its report.",
            sections: [
                OptionSection(
                    ScenarioOptions.all.map { $0.scoped(to: \.scenario) }
                        + [format, out].map { $0.scoped(to: \.output) }
                        + LimitOptions.all.map { $0.scoped(to: \.limits) }
                        + [.quiet(help: "no warnings on standard error", \.quiet)]
                )
            ],
            exitCodes: [
                (.ok, "ok"), (.usage, "usage"), (.scenario, "scenario error or limit"),
                (.fileNotFound, "file not found"), (.cannotWrite, "cannot write output"),
            ],
            notes: "A run that fails part-way still writes its report, with the status and everything computed "
                + "until then.")
    }

    mutating func validate(_ given: GivenArguments) throws(CLIError) {
        guard let file = given.positionals.first else {
            throw .commandLine("run needs a scenario file (simrun run FILE)")
        }
        self.file = file
    }

    func execute() throws(CLIError) -> ExitCode {
        let request = scenario.request(file, limits: limits)
        let report = try ScenarioRunner.run(request, simrunVersion: Simrun.version).mapError(CLIError.init).get()
        if !quiet {
            for warning in report.world.warnings { Simrun.printWarning(warning) }
        }
        let text: String
        switch output.format ?? (output.out == nil && isatty(STDOUT_FILENO) == 1 ? .text : .json) {
        case .text: text = report.text(charset: TextCharset(environment: ProcessInfo.processInfo.environment))
        case .json: text = report.json()
        case .md: text = try RunCommand.markdown(report.json(), label: file)
        case .html: text = report.html()
        }
        // A run that failed part-way says why, then still writes everything computed until then.
        if case .failed(let failure) = report.status { Simrun.printError(failure.message) }
        try OutputFile.write(text, to: output.out)
        if case .failed = report.status {
            throw CLIError(output.out.map { "the report up to the failure is in \($0)" }, .scenario)
        }
        return .ok
    }

    /// The report's markdown, written from its JSON by the writer `simrun report` uses on a saved report.
    private static func markdown(_ json: String, label: String) throws(CLIError) -> String {
        do throws(ComparisonInputError) {
            return try ReportDocument(label: label, text: json).markdown()
        } catch {
            throw CLIError("\(label): its report could not be read back: \(error.message)", .scenario)
        }
    }
}
