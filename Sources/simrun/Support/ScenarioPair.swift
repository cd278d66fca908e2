// ScenarioPair: the two scenarios `compare` and `diff` run side by side — a base and a variant file
// (possibly the same file), each with the params the command line gives it.
import Foundation
import LuaBridge

/// A base and a variant scenario with their params.
struct ScenarioPair {
    var base: String
    var variant: String
    /// `--param`: for both.
    var common: [(String, String)] = []
    /// `--base-param`, `--variant-param`: for one side, applied after the common ones.
    var baseOnly: [(String, String)] = []
    var variantOnly: [(String, String)] = []
    /// Library folders `sim.include` searches, for both.
    var libraries: [String] = []

    /// The two scenario files and the params their flags give, read now that there are two scenarios.
    init(files: [String], params: PairOptions, libraries: [String]) throws(CLIError) {
        base = files[0]
        variant = files[1]
        self.libraries = libraries
        for (flag, value) in params.given {
            // Read as --param reads its value, and refused in the same words.
            let param = try FlagValue.param.parse(value, "--param")
            switch flag {
            case "--base-param": baseOnly.append(param)
            case "--variant-param": variantOnly.append(param)
            default: common.append(param)
            }
        }
    }

    /// The base side's (0) or variant side's (1) run request.
    func request(_ side: Int, seed: UInt64, steps: Int?, limits: ScenarioLimits) -> RunRequest {
        RunRequest(
            file: side == 0 ? base : variant, seed: seed, steps: steps,
            params: common + (side == 0 ? baseOnly : variantOnly), limits: limits, libraries: libraries)
    }

    /// How a side is labelled in tables: its file name, with its own params when both are one file.
    func label(_ side: Int) -> String {
        let file = side == 0 ? base : variant
        let own = side == 0 ? baseOnly : variantOnly
        let name = (file as NSString).lastPathComponent
        guard base == variant || !own.isEmpty else { return name }
        return own.isEmpty
            ? name + " (" + (side == 0 ? "base" : "variant") + ")"
            : name + " " + own.map { "\($0.0)=\($0.1)" }.joined(separator: " ")
    }
}
