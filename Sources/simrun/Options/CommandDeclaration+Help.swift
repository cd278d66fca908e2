// CommandDeclaration+Help: a subcommand's `--help`, made from its declaration — usage, what it
// does, every flag with its help line, the exit codes and the notes.

extension CommandDeclaration {
    /// Flags longer than this (`--variant-param NAME=VALUE`) put their help on the next line.
    private static var widestFlag: Int { 24 }

    var help: String {
        var lines = ["USAGE: simrun \(synopsis) [options]", "", description, "", "OPTIONS:"]
        let column = HelpText.textColumn(for: options.map(\.synopsis), widest: Self.widestFlag)
        // `-h, --help` closes the first section, which holds what every use of the command takes.
        for (index, section) in sections.enumerated() {
            if let title = section.title { lines += ["", "  " + title + ":"] }
            let shown = section.options + (index == 0 ? [.help] : [])
            lines += HelpText.rows(shown.map { ($0.synopsis, $0.help) }, column: column)
        }
        lines += ["", "EXIT CODES:"] + HelpText.exitCodes(exitCodes)
        if let notes { lines += ["", notes] }
        return lines.joined(separator: "\n")
    }
}
