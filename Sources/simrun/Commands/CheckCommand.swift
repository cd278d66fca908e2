// CheckCommand: `simrun check FILE` — loads and validates a scenario without running it, and
// lists its params, agents, regions and hooks: as text, or as JSON for editors and scripts.
import LuaBridge
import SimSupport

struct CheckCommand: Command {
    enum Format: String { case text, md, json }

    var file = ""
    var scenario = ScenarioOptions()
    var output = OutputOptions<Format>()

    static let name = "check"

    static var declaration: CommandDeclaration<CheckCommand> {
        CommandDeclaration(
            arguments: "FILE", positionals: .one("scenario file"),
            summary: "load and validate a scenario without running it",
            description: """
                Loads the scenario and runs its setup without stepping it: syntax, declarations, ids and
                params are checked, and its params, agents, regions, hooks, metrics and outcomes are listed.
                --format json lists them as one JSON document (every param with its type, default, bounds,
                choices and doc), for editors and scripts.
                """,
            sections: [
                OptionSection(
                    [
                        OutputOptions<Format>.formatFlag(
                            [.text, .md, .json],
                            help: "output format (default text); md: the params, agents and the rest as markdown tables"
                        ),
                        OutputOptions<Format>.outFlag(),
                    ].map { $0.scoped(to: \.output) } + [
                        ScenarioOptions.paramFlag.described("check with a param set (repeatable)")
                            .scoped(to: \.scenario),
                        ScenarioOptions.libFlag.scoped(to: \.scenario),
                    ])
            ],
            exitCodes: [
                (.ok, "valid"), (.usage, "usage"), (.scenario, "scenario error"),
                (.fileNotFound, "file not found"), (.cannotWrite, "cannot write"),
            ])
    }

    mutating func validate(_ given: GivenArguments) throws(CLIError) {
        guard let file = given.positionals.first else {
            throw .commandLine("check needs a scenario file (simrun check FILE)")
        }
        self.file = file
    }

    func execute() throws(CLIError) -> ExitCode {
        let request = RunRequest(file: file, params: scenario.params, libraries: scenario.libraries)
        let summary = try ScenarioRunner.check(request).mapError(CLIError.init).get()
        switch output.format ?? .text {
        case .json:
            // Only the document: a script reads validity from the exit code.
            try OutputFile.write(summary.json().serialized(), to: output.out)
        case .md:
            try OutputFile.write(summary.markdown(), to: output.out)
        case .text:
            try OutputFile.write(summary.text() + "ok: \(request.file) is valid\n", to: output.out)
        }
        return .ok
    }
}
