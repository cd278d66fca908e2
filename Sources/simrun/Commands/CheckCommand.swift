// CheckCommand: `simrun check FILE` — loads and validates a scenario without running it, and
// lists its params, agents, regions and hooks.
import LuaBridge

struct CheckCommand: Command {
    var file = ""
    var scenario = ScenarioOptions()

    static let name = "check"

    static var declaration: CommandDeclaration<CheckCommand> {
        CommandDeclaration(
            arguments: "FILE", positionals: .one("scenario file"),
            summary: "load and validate a scenario without running it",
            description: """
                Loads the scenario and runs its setup without stepping it: syntax, declarations, ids and
                params are checked, and its params, agents, regions, hooks, metrics and outcomes are listed.
                """,
            sections: [
                OptionSection([
                    ScenarioOptions.paramFlag.described("check with a param set (repeatable)").scoped(to: \.scenario),
                    ScenarioOptions.libFlag.scoped(to: \.scenario),
                ])
            ],
            exitCodes: [
                (.ok, "valid"), (.usage, "usage"), (.scenario, "scenario error"),
                (.fileNotFound, "file not found"),
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
        print(summary.text(), terminator: "")
        print("ok: \(request.file) is valid")
        return .ok
    }
}
