// GivenArguments: what a command line held besides the values its flags set — the positional
// arguments and the flags given, in order — for the checks a command makes once all is read.

struct GivenArguments {
    /// The whole command line after the subcommand's name, as given.
    var arguments: [String] = []
    var positionals: [String] = []
    /// Each flag as it was given (`--seed`), repeats included.
    var flags: [String] = []
}
