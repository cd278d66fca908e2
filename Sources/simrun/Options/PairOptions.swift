// PairOptions: `--param`, `--base-param` and `--variant-param` of `compare` and `diff`, the params
// of each side of a ScenarioPair. They are kept as given and read once the command knows it has two
// scenario files: with two reports they are refused by name, whatever their values.

struct PairOptions {
    /// Each flag with its text, in command-line order.
    var given: [(flag: String, value: String)] = []

    static var all: [Option<PairOptions>] {
        let asGiven = FlagValue<(flag: String, value: String)>(name: "NAME=VALUE") { text, flag throws(CLIError) in
            (flag, text)
        }
        return [
            .values(
                "--param", asGiven, help: "set a param (or a rate dynamics.NAME) in both scenarios (repeatable)",
                appendingTo: \.given),
            .values(
                "--base-param", asGiven, help: "set a param in the base scenario only (repeatable)",
                appendingTo: \.given),
            .values(
                "--variant-param", asGiven, help: "set a param in the variant scenario only (repeatable)",
                appendingTo: \.given),
        ]
    }
}
