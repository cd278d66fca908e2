// CommandDeclaration+Man: a subcommand's entry in the man page and its formats, made from the same
// declaration as its help, so `simrun.1`, `--help` and docs/formats.md list the same flags.

extension CommandDeclaration {
    /// The formats `--format` takes, in the declared order; empty when the command has no `--format`.
    var formats: [String] {
        guard let flag = options.first(where: { $0.names.contains(OutputOptions<OutputFormat>.formatName) }) else {
            return []
        }
        return flag.valueName?.split(separator: "|").map(String.init) ?? []
    }

    /// The command's `.SS` section: its synopsis, description, each flag as a tagged paragraph (a
    /// titled section's flags under its title) and its exit codes.
    var manSection: String {
        var lines = [".SS " + ManPage.escaped("simrun " + synopsis), ManPage.paragraph(description)]
        for (index, section) in sections.enumerated() {
            if let title = section.title { lines += [".PP", ".I " + ManPage.escaped(title + ":")] }
            let shown = section.options + (index == 0 ? [.help] : [])
            for option in shown {
                let names = option.names.map { "\\fB" + ManPage.escaped($0) + "\\fR" }.joined(separator: ", ")
                let value = option.valueName.map { " \\fI" + ManPage.escaped($0) + "\\fR" } ?? ""
                lines += [".TP", names + value, ManPage.paragraph(option.help)]
            }
        }
        lines += [
            ".PP",
            "Exit codes: " + ManPage.escaped(exitCodes.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: "; "))
                + ".",
        ]
        if let notes { lines += [".PP", ManPage.paragraph(notes)] }
        return lines.joined(separator: "\n")
    }
}

extension Command {
    static var formats: [String] { declaration.formats }
    static var manSection: String { declaration.manSection }
}
