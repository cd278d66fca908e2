// OutputOptions: `--format` and `--out`, what a subcommand writes and where — declared once; each
// command gives the formats it writes, spelled as OutputFormat spells them, and says what goes out.

struct OutputOptions<Format: RawRepresentable> where Format.RawValue == String {
    /// Nil until `--format` is given: each command has its default.
    var format: Format?
    /// Nil: standard output.
    var out: String?

    /// `--format`, one of `choices`; any other is refused naming the flag and listing `choices` (64).
    static func formatFlag(_ choices: [Format], help: String) -> Option<Self> {
        // A command's own enum keeps its switches exhaustive; the spellings are everyone's.
        precondition(
            choices.allSatisfy { OutputFormat(rawValue: $0.rawValue) != nil },
            "a --format choice not spelled as OutputFormat spells it")
        return .value(formatName, .choice(choices), help: help, \.format)
    }

    /// The flag's name, the same on every command.
    static var formatName: String { "--format" }

    static func outFlag(help: String = "write to FILE (atomically) instead of standard output") -> Option<Self> {
        .value("--out", .text("FILE"), help: help, \.out)
    }
}
