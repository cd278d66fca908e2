// ManPage: simrun(1) in roff (man(7) macros), written by `simrun help --man` from the declarations
// the help comes from — every subcommand with each of its flags, the exit codes, the formats — so
// the installed page cannot fall behind the binary it documents.
import Foundation

enum ManPage {
    /// The whole page, ending with a newline.
    static var roff: String {
        var lines = [
            ".TH SIMRUN 1 \"\" \"simrun \(Simrun.version)\" \"User Commands\"",
            ".SH NAME",
            "simrun \\- simulate regional alignments from Lua scenarios",
            ".SH SYNOPSIS",
        ]
        for command in Simrun.subcommands {
            let rest = command.synopsis.dropFirst(command.name.count + 1)
            lines += [".br", "\\fBsimrun \(command.name)\\fR " + escaped(String(rest))]
        }
        lines += [
            ".br", "\\fBsimrun help\\fR [\\fISUBCOMMAND\\fR]",
            ".SH DESCRIPTION",
            paragraph(
                """
                simrun simulates regional alignments. A scenario is a Lua file: states, armed groups, mercenaries
                and intelligence services become agents with alignments toward each other, resources, and forces in
                the regions of a map. simrun steps the scenario day by day, fires its hooks, applies the built-in
                dynamics and writes an outcome report; batches run it many times over a design and summarise the
                outcomes.
                """),
            ".SH COMMANDS",
        ]
        lines += Simrun.subcommands.map { $0.manSection }
        lines += [".SH FORMATS", paragraph("Every command's --format takes these names, each where it makes sense:")]
        for format in OutputFormat.allCases {
            let commands = Simrun.subcommands.filter { $0.formats.contains(format.rawValue) }.map { $0.name }
            lines += [
                ".TP", "\\fB\(format.rawValue)\\fR",
                paragraph(format.meaning + " (" + commands.joined(separator: ", ") + ")"),
            ]
        }
        lines.append(".SH EXIT STATUS")
        for code in ExitCode.allCases {
            lines += [".TP", "\\fB\(code.rawValue)\\fR", paragraph(code.meaning)]
        }
        lines += [
            ".SH ENVIRONMENT",
            ".TP", "\\fBSIMRUN_PATH\\fR",
            paragraph(
                """
                Colon-separated library folders sim.include searches after the including file's own folder and
                the --lib folders, and before the installed library.
                """),
            ".TP", "\\fBLC_ALL\\fR, \\fBLC_CTYPE\\fR, \\fBLANG\\fR",
            paragraph("A UTF-8 locale draws the text report's sparklines in Unicode blocks, another in ASCII."),
            ".SH FILES",
            ".TP", "\\fIPREFIX\\fB/share/simrun/scenarios\\fR",
            paragraph(
                """
                The shipped scenario library, found by sim.include after --lib and SIMRUN_PATH: the folder
                ../share/simrun/scenarios beside the folder of the simrun binary.
                """),
            ".TP", "\\fIPREFIX\\fB/share/simrun/editor\\fR",
            paragraph(
                """
                sim.lua, the sim.* API for the Lua language server; .luacheckrc, the sandbox's globals for
                luacheck; .luarc.json, an example language server configuration.
                """),
            ".SH SEE ALSO",
            "\\fBlua\\fR(1), \\fBluacheck\\fR(1); the documents in the source tree: README.md, docs/batch.md,",
            "docs/compare.md, docs/report.md, docs/formats.md, docs/scenario-api.md.",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text made safe for roff: backslashes and hyphens escaped, a line never opening with a control
    /// character (`.` or `'`).
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
    }

    /// Filled text: the help's own line breaks become spaces. Text laid out in columns (a line that
    /// starts with a space, as compare's description has) keeps its lines, unfilled.
    static func paragraph(_ text: String) -> String {
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard lines.contains(where: { $0.hasPrefix(" ") }) else {
            return guarded(escaped(lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")))
        }
        return ([".nf"] + lines.map { guarded(escaped($0)) } + [".fi"]).joined(separator: "\n")
    }

    /// A line of text that roff cannot read as a request.
    private static func guarded(_ line: String) -> String {
        line.hasPrefix(".") || line.hasPrefix("'") ? "\\&" + line : line
    }
}
