// ScenarioOptions: `--seed`, `--steps`, `--param` and `--lib`, how a scenario is run — declared
// once for `run`, `check`, `batch`, `compare` and `diff`, each taking the ones it uses.
import Foundation
import LuaBridge

struct ScenarioOptions {
    var seed: UInt64 = 1
    /// Overrides the scenario's `steps`.
    var steps: Int?
    /// `NAME=VALUE`, in command-line order; the scenario types each value like the param's default
    /// (a rate's `dynamics.NAME` takes a number).
    var params: [(String, String)] = []
    /// `--lib DIR`, in command-line order.
    var libs: [String] = []

    static var seedFlag: Option<ScenarioOptions> {
        .value("--seed", .unsigned, help: "seed of the run's random stream (default 1)", \.seed)
    }

    static var stepsFlag: Option<ScenarioOptions> {
        .value("--steps", .steps, help: "ticks of each run (default: the scenario's steps)", \.steps)
    }

    static var paramFlag: Option<ScenarioOptions> {
        .values(
            "--param", .param,
            help: """
                set a scenario param, typed like its default, or pin a built-in rate
                for the whole run: dynamics.NAME=VALUE (repeatable)
                """, appendingTo: \.params)
    }

    static var libFlag: Option<ScenarioOptions> {
        .values(
            "--lib", .text("DIR"),
            help: """
                a library folder sim.include also searches, after the including file's
                own folder (repeatable; then each folder of SIMRUN_PATH, colon-separated,
                then the installed library PREFIX/share/simrun/scenarios)
                """, appendingTo: \.libs)
    }

    /// All four, in the order help lists them.
    static var all: [Option<ScenarioOptions>] { [seedFlag, stepsFlag, paramFlag, libFlag] }

    /// The library folders `sim.include` searches: `--lib`, then `SIMRUN_PATH`'s (empty entries left
    /// out), then the library installed beside the binary.
    var libraries: [String] {
        let path = ProcessInfo.processInfo.environment["SIMRUN_PATH"] ?? ""
        return libs + path.split(separator: ":").map(String.init) + (InstalledLibrary.folder.map { [$0] } ?? [])
    }

    /// A request to run `file` with these settings.
    func request(_ file: String, limits: ScenarioLimits) -> RunRequest {
        RunRequest(file: file, seed: seed, steps: steps, params: params, limits: limits, libraries: libraries)
    }
}
