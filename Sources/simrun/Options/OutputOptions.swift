// OutputOptions: `--format` and `--out`, what a subcommand writes and where — declared once; each
// command gives the formats it writes and says what goes out.

struct OutputOptions<Format: RawRepresentable> where Format.RawValue == String {
    /// Nil until `--format` is given: each command has its default.
    var format: Format?
    /// Nil: standard output.
    var out: String?

    /// `--format`, one of `choices`.
    static func formatFlag(_ choices: [Format], help: String) -> Option<Self> {
        .value("--format", .choice(choices), help: help, \.format)
    }

    static func outFlag(help: String = "write to FILE (atomically) instead of standard output") -> Option<Self> {
        .value("--out", .text("FILE"), help: help, \.out)
    }
}
